package com.hummdesk.routing;

import com.hummdesk.platform.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each account's performance figures fresh enough: a decision first recomputes them when this node has not
 * done so within {@code maxAge}. One thread per account recomputes; decisions meanwhile use the previous figures
 * (an agent without any counts as neutral), so a burst of decisions never waits for it more than once.
 */
final class PerformanceStats {
    private static final Logger log = LoggerFactory.getLogger(PerformanceStats.class);

    private final Database db;
    private final Duration window;
    private final Duration maxAge;
    private final Clock clock;
    private final AgentStatsRepository stats = new AgentStatsRepository();
    private final Map<Long, Instant> refreshed = new ConcurrentHashMap<>();
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();

    PerformanceStats(Database db, Duration window, Duration maxAge, Clock clock) {
        this.db = db;
        this.window = window;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    void refreshIfStale(long accountId) {
        var last = refreshed.get(accountId);
        var now = clock.instant();
        if ((last != null && last.plus(maxAge).isAfter(now)) || !refreshing.add(accountId)) {
            return;
        }
        try {
            db.runInAccount(accountId, tx -> stats.refresh(tx, accountId, window));
            refreshed.put(accountId, now);
        } catch (RuntimeException e) {
            // Routing goes on with older figures; the next decision tries again.
            log.warn("Could not refresh routing performance figures of account {}", accountId, e);
        } finally {
            refreshing.remove(accountId);
        }
    }
}
