package com.hummdesk.realtime;

/** Delivers a broadcast to the sockets of every node: this one at once, the others through Redis if configured. */
interface Fanout extends AutoCloseable {
    void publish(Broadcast broadcast);

    @Override
    void close();
}
