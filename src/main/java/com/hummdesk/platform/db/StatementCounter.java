package com.hummdesk.platform.db;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Counts SQL statements executed through jOOQ, so tests can prove a request issues no N+1 queries. The few hot
 * paths that execute on the JDBC connection directly (the tenant scope, the conversation list) count themselves
 * through {@link #executed}.
 */
public final class StatementCounter implements ExecuteListener {
    private static final long serialVersionUID = 1L;
    public static final StatementCounter INSTANCE = new StatementCounter();

    private final AtomicLong count = new AtomicLong();

    private StatementCounter() {}

    @Override
    public void executeStart(ExecuteContext ctx) {
        count.incrementAndGet();
    }

    /** A statement executed on the JDBC connection, past jOOQ. */
    public void executed() {
        count.incrementAndGet();
    }

    public long count() {
        return count.get();
    }
}
