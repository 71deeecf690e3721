package com.hummdesk.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads broadcasts are delivered on: one per core (up to 4), each owning a fixed share of the sockets, so a
 * socket always gets its frames from the same thread, in the order they were emitted. Bounded queues: a node
 * that cannot keep up drops broadcasts (counted and logged) rather than running out of memory.
 */
final class DeliveryLanes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryLanes.class);
    private static final int MAX_QUEUED = 100_000;

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();

    DeliveryLanes(int count) {
        for (int i = 0; i < count; i++) {
            var name = "realtime-delivery-" + i;
            lanes.add(new ThreadPoolExecutor(
                    1,
                    1,
                    0,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(MAX_QUEUED),
                    runnable -> Thread.ofPlatform().name(name).daemon().unstarted(runnable),
                    (task, executor) -> {
                        if (dropped.incrementAndGet() % 1_000 == 1) {
                            log.warn("Real-time delivery queue full: {} deliveries dropped so far", dropped.get());
                        }
                    }));
        }
    }

    static DeliveryLanes perCore() {
        return new DeliveryLanes(Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4));
    }

    int count() {
        return lanes.size();
    }

    /** The lane that serves a socket (by its id's hash, stable for the socket's life). */
    int laneOf(Object socket) {
        return Math.floorMod(socket.hashCode(), lanes.size());
    }

    void execute(int lane, Runnable work) {
        lanes.get(lane).execute(work);
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        lanes.forEach(ThreadPoolExecutor::shutdownNow);
    }
}
