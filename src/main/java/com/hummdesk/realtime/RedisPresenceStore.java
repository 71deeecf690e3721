package com.hummdesk.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Presence shared by all nodes. {@code {prefix}:presence:{account}:{user}} holds the status with the TTL, so Redis
 * itself forgets an agent whose heartbeats stopped; a set per account lists the agents to look at. Whether a
 * change must be announced is decided atomically: a heartbeat announces when {@code SET ... GET} shows the visible
 * status changed, and an expiry announces only for the node that flips {@code presence-announced} to offline.
 * While Redis is unreachable (and for a second after each failure) the node falls back to its own view.
 */
final class RedisPresenceStore implements PresenceStore {
    private static final Logger log = LoggerFactory.getLogger(RedisPresenceStore.class);
    private static final long ANNOUNCED_TTL_SECONDS = 24 * 60 * 60;
    private static final long RETRY_AFTER_FAILURE_NANOS = 1_000_000_000L;

    private final JedisPooled redis;
    private final String prefix;
    private final LocalPresenceStore fallback;
    private volatile long skipRedisUntil = System.nanoTime();

    RedisPresenceStore(JedisPooled redis, String prefix, LocalPresenceStore fallback) {
        this.redis = redis;
        this.prefix = prefix;
        this.fallback = fallback;
    }

    @Override
    public boolean touch(long accountId, long userId, PresenceStatus status, Duration ttl) {
        boolean changedLocally = fallback.touch(accountId, userId, status, ttl);
        return orFallback(
                () -> {
                    try (var pipeline = redis.pipelined()) { // one round trip
                        var previous = pipeline.setGet(
                                key(accountId, userId),
                                status.wire(),
                                SetParams.setParams().px(ttl.toMillis()));
                        pipeline.sadd(agents(accountId), Long.toString(userId));
                        pipeline.set(
                                announced(accountId, userId),
                                status.wire(),
                                SetParams.setParams().ex(ANNOUNCED_TTL_SECONDS));
                        pipeline.sync();
                        return !status.wire().equals(previous.get());
                    }
                },
                () -> changedLocally);
    }

    @Override
    public Expiry expire(long accountId, long userId) {
        var expiredLocally = fallback.expire(accountId, userId);
        return orFallback(
                () -> {
                    if (redis.exists(key(accountId, userId))) {
                        return Expiry.ALIVE; // another node still hears this agent
                    }
                    redis.srem(agents(accountId), Long.toString(userId));
                    var previous = redis.setGet(
                            announced(accountId, userId),
                            PresenceStatus.OFFLINE.wire(),
                            SetParams.setParams().ex(ANNOUNCED_TTL_SECONDS));
                    return previous != null && !PresenceStatus.OFFLINE.wire().equals(previous)
                            ? Expiry.OFFLINE_NOW
                            : Expiry.ALREADY_OFFLINE;
                },
                () -> expiredLocally);
    }

    @Override
    public PresenceStatus status(long accountId, long userId) {
        return orFallback(
                () -> {
                    var value = redis.get(key(accountId, userId));
                    return value == null
                            ? PresenceStatus.OFFLINE
                            : PresenceStatus.parse(value).orElse(PresenceStatus.OFFLINE);
                },
                () -> fallback.status(accountId, userId));
    }

    @Override
    public List<AgentPresence> online(long accountId) {
        return orFallback(
                () -> {
                    var userIds = new ArrayList<>(redis.smembers(agents(accountId)));
                    if (userIds.isEmpty()) {
                        return List.<AgentPresence>of();
                    }
                    var keys = userIds.stream()
                            .map(id -> key(accountId, Long.parseLong(id)))
                            .toArray(String[]::new);
                    var values = redis.mget(keys);
                    var result = new ArrayList<AgentPresence>();
                    for (int i = 0; i < keys.length; i++) {
                        var status = values.get(i) == null
                                ? java.util.Optional.<PresenceStatus>empty()
                                : PresenceStatus.parse(values.get(i));
                        long userId = Long.parseLong(userIds.get(i));
                        status.ifPresent(s -> result.add(new AgentPresence(userId, s)));
                    }
                    result.sort(Comparator.comparingLong(AgentPresence::userId));
                    return List.copyOf(result);
                },
                () -> fallback.online(accountId));
    }

    private <T> T orFallback(Supplier<T> viaRedis, Supplier<T> local) {
        if (System.nanoTime() - skipRedisUntil < 0) {
            return local.get();
        }
        try {
            return viaRedis.get();
        } catch (JedisException e) {
            log.warn("Presence falls back to this node's view: Redis failed ({})", e.toString());
            skipRedisUntil = System.nanoTime() + RETRY_AFTER_FAILURE_NANOS;
            return local.get();
        }
    }

    private String key(long accountId, long userId) {
        return prefix + ":presence:" + accountId + ":" + userId;
    }

    private String announced(long accountId, long userId) {
        return prefix + ":presence-announced:" + accountId + ":" + userId;
    }

    private String agents(long accountId) {
        return prefix + ":presence-agents:" + accountId;
    }
}
