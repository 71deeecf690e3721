package com.hummdesk.realtime;

import java.util.List;

/** The gateway over socket.io: encodes each event once and publishes it to its room through the fan-out. */
final class SocketIoGateway implements RealtimeGateway {
    private final Fanout fanout;

    SocketIoGateway(Fanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public void emitToAccount(long accountId, String event, Object payload) {
        emit(Rooms.account(accountId), null, event, payload);
    }

    @Override
    public void emitToUser(long accountId, long userId, String event, Object payload) {
        emit(Rooms.user(accountId, userId), null, event, payload);
    }

    @Override
    public void emitToConversationCustomer(
            long accountId, long conversationId, long contactId, String event, Object payload) {
        emit(Rooms.contact(accountId, contactId), null, event, payload);
    }

    /** To a room except one socket (the sender of a relayed client event). */
    void emit(String room, String exceptSocketId, String event, Object payload) {
        fanout.publish(new Broadcast(List.of(room), exceptSocketId, Frames.event(event, payload)));
    }
}
