package com.hummdesk.realtime;

import com.hummdesk.agents.AgentPresenceChanged;
import com.hummdesk.platform.events.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns agents' heartbeats into presence: a socket's connect counts as a heartbeat, {@code agent:heartbeat}
 * refreshes it (optionally as away), and a sweep turns the agents this node has heard from offline once a TTL
 * passed without one. Closing a socket does not make the agent offline at once, so a page reload does not flap.
 * Every visible change is announced to the account as {@code agent:presence}. Heartbeats and sweeps run in order
 * on one thread of their own: callers (socket threads, some holding engine.io locks) never wait for Redis.
 */
final class PresenceTracker implements Presence, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);

    private record Key(long accountId, long userId) {}

    private final PresenceStore store;
    private final RealtimeGateway gateway;
    private final EventBus events;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Instant> lastHeard = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;

    PresenceTracker(PresenceStore store, RealtimeGateway gateway, EventBus events, Duration ttl, Clock clock) {
        this.store = store;
        this.gateway = gateway;
        this.events = events;
        this.ttl = ttl;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("presence").daemon().unstarted(runnable));
        long everyMillis = Math.clamp(ttl.toMillis() / 4, 100, 1_000);
        worker.scheduleWithFixedDelay(() -> safely(this::sweep), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    Duration ttl() {
        return ttl;
    }

    /** Records a heartbeat heard now; returns at once. */
    void heartbeat(long accountId, long userId, PresenceStatus status) {
        var heard = clock.instant();
        worker.execute(() -> safely(() -> {
            lastHeard.merge(new Key(accountId, userId), heard, (old, now) -> now.isAfter(old) ? now : old);
            if (store.touch(accountId, userId, status, ttl)) {
                announce(accountId, userId, status);
            }
        }));
    }

    @Override
    public PresenceStatus status(long accountId, long userId) {
        return store.status(accountId, userId);
    }

    @Override
    public List<AgentPresence> online(long accountId) {
        return store.online(accountId);
    }

    void sweep() {
        var now = clock.instant();
        lastHeard.forEach((key, heard) -> {
            if (!heard.plus(ttl).isBefore(now)) {
                return;
            }
            switch (store.expire(key.accountId(), key.userId())) {
                case ALIVE -> {} // heard by another node; look again on the next sweep
                case OFFLINE_NOW -> {
                    lastHeard.remove(key, heard);
                    announce(key.accountId(), key.userId(), PresenceStatus.OFFLINE);
                }
                case ALREADY_OFFLINE -> lastHeard.remove(key, heard);
            }
        });
    }

    private static void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Presence update failed", e);
        }
    }

    private void announce(long accountId, long userId, PresenceStatus status) {
        gateway.emitToAccount(accountId, RealtimeEvents.AGENT_PRESENCE, new AgentPresence(userId, status));
        events.publish(new AgentPresenceChanged(accountId, userId, status == PresenceStatus.ONLINE));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
