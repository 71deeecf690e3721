package com.hummdesk.realtime;

/** A single node (no REDIS_URL): broadcasts stay in this process. */
final class LocalFanout implements Fanout {
    private final LocalRooms rooms;

    LocalFanout(LocalRooms rooms) {
        this.rooms = rooms;
    }

    @Override
    public void publish(Broadcast broadcast) {
        rooms.deliver(broadcast);
    }

    @Override
    public void close() {}
}
