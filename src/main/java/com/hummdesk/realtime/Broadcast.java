package com.hummdesk.realtime;

import java.util.List;

/**
 * One event for the sockets in {@code rooms}, already encoded as a socket.io packet ({@code frame}), so it is
 * serialised once however many sockets and nodes receive it. {@code exceptSocketId} (nullable) names the sending
 * socket, which lives on the node that published the broadcast.
 */
record Broadcast(List<String> rooms, String exceptSocketId, String frame) {
    Broadcast {
        rooms = List.copyOf(rooms);
    }
}
