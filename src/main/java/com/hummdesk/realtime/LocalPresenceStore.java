package com.hummdesk.realtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Presence of a single node (no REDIS_URL), and the fallback of the Redis store while Redis is down. */
final class LocalPresenceStore implements PresenceStore {
    private record Key(long accountId, long userId) {}

    private record Entry(PresenceStatus status, Instant expiresAt) {}

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    LocalPresenceStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean touch(long accountId, long userId, PresenceStatus status, Duration ttl) {
        var now = clock.instant();
        var previous = entries.put(new Key(accountId, userId), new Entry(status, now.plus(ttl)));
        return previous == null || previous.expiresAt().isBefore(now) || previous.status() != status;
    }

    @Override
    public Expiry expire(long accountId, long userId) {
        var now = clock.instant();
        var result = new Expiry[] {Expiry.ALREADY_OFFLINE};
        entries.computeIfPresent(new Key(accountId, userId), (key, entry) -> {
            if (entry.expiresAt().isAfter(now)) {
                result[0] = Expiry.ALIVE; // a heartbeat arrived meanwhile
                return entry;
            }
            result[0] = Expiry.OFFLINE_NOW;
            return null;
        });
        return result[0];
    }

    @Override
    public PresenceStatus status(long accountId, long userId) {
        var entry = entries.get(new Key(accountId, userId));
        return entry == null || !entry.expiresAt().isAfter(clock.instant()) ? PresenceStatus.OFFLINE : entry.status();
    }

    @Override
    public List<AgentPresence> online(long accountId) {
        var now = clock.instant();
        var result = new ArrayList<AgentPresence>();
        entries.forEach((key, entry) -> {
            if (key.accountId() == accountId && entry.expiresAt().isAfter(now)) {
                result.add(new AgentPresence(key.userId(), entry.status()));
            }
        });
        result.sort(Comparator.comparingLong(AgentPresence::userId));
        return result;
    }
}
