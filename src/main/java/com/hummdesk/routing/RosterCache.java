package com.hummdesk.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;

/**
 * Each account's roster, reloaded when a decision's loads name a newer version (a membership, availability,
 * capacity, skill, language, team membership or performance refresh committed since) or when it is older than
 * {@code maxAge}: agents' names are not versioned (a rename is one user's row, across accounts), so they are at most
 * that stale in explanations. Any node may hold an older copy; the version read with the loads decides. Bounded by
 * agents held ({@link #MAX_AGENTS}, a few hundred bytes each), so a node serving many accounts keeps the busiest.
 */
final class RosterCache {
    /** About 40 MB of profiles at most; an evicted account's next decision reads its roster again. */
    static final long MAX_AGENTS = 200_000;

    private final CandidateFinder finder;
    private final Duration maxAge;
    private final Clock clock;
    private final Cache<Long, Roster> rosters = Caffeine.newBuilder()
            .maximumWeight(MAX_AGENTS)
            .weigher((Long account, Roster roster) -> 1 + roster.agents().size())
            .build();

    RosterCache(CandidateFinder finder, Duration maxAge, Clock clock) {
        this.finder = finder;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The account's roster at least as new as {@code loads}, loaded in {@code tx} when the cached one is not. */
    Roster current(DSLContext tx, long accountId, AgentLoads loads) {
        var cached = rosters.getIfPresent(accountId);
        if (cached != null
                && cached.version() >= loads.rosterVersion()
                && cached.loadedAt().plus(maxAge).isAfter(clock.instant())) {
            return cached;
        }
        var loaded = finder.roster(tx, accountId, clock.instant());
        rosters.asMap().merge(accountId, loaded, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return loaded;
    }
}
