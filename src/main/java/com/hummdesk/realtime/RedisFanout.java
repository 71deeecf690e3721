package com.hummdesk.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hummdesk.platform.http.Json;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * Fan-out across nodes with Redis pub/sub (the role of socket.io's Redis adapter, which the Java server lacks).
 * A broadcast is delivered on this node in the caller's thread, then published by one background thread, so
 * emitters never wait for Redis and a node's own events keep flowing while Redis is down. Every node subscribes to
 * one channel and delivers what other nodes published. When Redis goes away the subscriber reconnects on its own
 * (backing off to 2 s); what other nodes published meanwhile is lost, as with any pub/sub.
 */
final class RedisFanout implements Fanout {
    private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);
    private static final int MAX_QUEUED = 10_000;

    record Envelope(String node, List<String> rooms, String frame) {}

    private final LocalRooms rooms;
    private final RedisEndpoint endpoint;
    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private final JedisPooled publisher;
    private final ThreadPoolExecutor publishing;
    private final Thread subscriber;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean healthy = true;
    // The publisher's own state: a publish on a stale pooled connection fails once after Redis comes back, and
    // must not switch fan-out off while the subscriber is already healthy again.
    private volatile boolean publisherOk = true;
    private volatile JedisPubSub subscription;

    RedisFanout(LocalRooms rooms, RedisEndpoint endpoint, JedisPooled publisher, String prefix) {
        this.rooms = rooms;
        this.endpoint = endpoint;
        this.channel = prefix + ":realtime";
        this.publisher = publisher;
        this.publishing = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED),
                runnable -> Thread.ofPlatform()
                        .name("realtime-redis-publish")
                        .daemon()
                        .unstarted(runnable),
                (task, executor) -> dropped.incrementAndGet());
        this.subscriber =
                Thread.ofPlatform().name("realtime-redis-subscribe").daemon().start(this::subscribeUntilClosed);
    }

    @Override
    public void publish(Broadcast broadcast) {
        rooms.deliver(broadcast);
        // Always try: the queue is bounded (overflow is counted as dropped) and a refused connection fails fast,
        // so fan-out resumes by itself as soon as Redis answers again.
        var envelope = new Envelope(node, broadcast.rooms(), broadcast.frame());
        publishing.execute(() -> send(envelope));
    }

    boolean connected() {
        return healthy && publisherOk && subscription != null && subscription.isSubscribed();
    }

    long dropped() {
        return dropped.get();
    }

    private void send(Envelope envelope) {
        try {
            publisher.publish(channel, Json.mapper().writeValueAsString(envelope));
            publisherOk = true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException redisDown) {
            if (publisherOk) {
                log.warn("Redis publish failed ({}); other nodes miss this event", redisDown.toString());
            }
            publisherOk = false;
        }
    }

    private void subscribeUntilClosed() {
        long backoffMillis = 100;
        while (running) {
            try (var connection = new Jedis(endpoint.address(), endpoint.subscription())) {
                var listener = new Listener();
                subscription = listener;
                connection.subscribe(listener, channel); // returns when unsubscribed or the connection breaks
                backoffMillis = 100;
            } catch (RuntimeException redisDown) {
                if (running) {
                    markDown(redisDown);
                }
            }
            healthy = false;
            if (running) {
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 2_000);
            }
        }
    }

    private void markDown(RuntimeException cause) {
        if (healthy) {
            log.warn(
                    "Redis fan-out lost ({}); events reach this node's sockets only until it is back",
                    cause.toString());
        }
        healthy = false;
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (!healthy) {
                log.info("Redis fan-out connected");
            }
            healthy = true;
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                var envelope = Json.mapper().readValue(message, Envelope.class);
                if (!node.equals(envelope.node())) {
                    rooms.deliver(new Broadcast(envelope.rooms(), null, envelope.frame()));
                }
            } catch (JsonProcessingException | RuntimeException e) {
                log.warn("Ignoring a malformed real-time message from Redis: {}", e.toString());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        var current = subscription;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException alreadyGone) {
                // The connection is closed below anyway.
            }
        }
        subscriber.interrupt();
        publishing.shutdown();
    }
}
