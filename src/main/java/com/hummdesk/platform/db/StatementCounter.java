package com.hummdesk.platform.db;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Counts SQL statements, so tests can prove a request issues no N+1 queries, and the round trips they took (several
 * statements may travel together, see {@link Pipeline}; a COMMIT sent alone is a round trip of no statement). jOOQ's
 * statements are counted here as they start; the hot paths that run on the JDBC connection count themselves
 * through {@link #executed}.
 */
public final class StatementCounter implements ExecuteListener {
    private static final long serialVersionUID = 1L;
    public static final StatementCounter INSTANCE = new StatementCounter();

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();

    private StatementCounter() {}

    @Override
    public void executeStart(ExecuteContext ctx) {
        executed(1, 1);
    }

    /** Statements executed on the JDBC connection, past jOOQ, in so many round trips. */
    void executed(int statements, int trips) {
        count.addAndGet(statements);
        roundTrips.addAndGet(trips);
    }

    public long count() {
        return count.get();
    }

    public long roundTrips() {
        return roundTrips.get();
    }
}
