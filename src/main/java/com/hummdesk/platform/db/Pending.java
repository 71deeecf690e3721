package com.hummdesk.platform.db;

/**
 * The result of a query queued with {@link Jdbc#laterFirst}: known once the query ran, with the transaction's next
 * statement or its commit. Read it after the transaction.
 */
public final class Pending<T> {
    private T value;
    private boolean ran;

    Pending() {}

    /** The query's result; it must have run. */
    public T get() {
        if (!ran) {
            throw new IllegalStateException("the query has not run yet: read it after the transaction commits");
        }
        return value;
    }

    void complete(T result) {
        value = result;
        ran = true;
    }
}
