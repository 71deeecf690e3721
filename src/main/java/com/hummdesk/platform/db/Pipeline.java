package com.hummdesk.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * A transaction's connection, with statements that wait to travel with the next one: the scope (sent with the
 * transaction's first statement) and writes whose outcome the work does not read ({@link Jdbc#later}, sent with the
 * next statement or with COMMIT; {@link Jdbc#laterFirst} queries too, their rows read as they arrive). pgjdbc sends
 * the parts of a multi-statement string behind one Sync, one round trip, and PostgreSQL runs them in order and stops
 * at the first error, which fails the statement that carried them.
 *
 * <p>A read ({@link Database#read}) sends its scope with every statement instead, each one its own implicit
 * transaction, until a statement that cannot carry it makes the rest a transaction.
 *
 * <p>Everything that reaches the connection goes through {@link #acquire} (jOOQ asks for it per statement) or
 * {@link #execute}, so no statement runs before the scope that row-level security needs.
 */
final class Pipeline implements ConnectionProvider {
    /** What an executed statement's own result is read with; the cursor is on that result. */
    @FunctionalInterface
    interface Result<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    /**
     * {@code needed}: false for a scope, which no statement may need (then it is never sent). {@code result}: what
     * reads the statement's own result when it ran (a {@link Jdbc#laterFirst} query), or null.
     */
    private record Waiting(String sql, List<Object> binds, boolean needed, Result<?> result) {
        Waiting(String sql, List<Object> binds, boolean needed) {
            this(sql, binds, needed, null);
        }

        void deliver(PreparedStatement statement) throws SQLException {
            if (result != null) {
                result.read(statement);
            }
        }
    }

    private final Connection connection;
    private final List<Waiting> waiting = new ArrayList<>();
    private boolean begun;
    /**
     * A read's scope ({@link Database#read}), sent with each of its statements: the connection is in autocommit,
     * and what travels behind one Sync is one implicit transaction, so the scope holds for exactly that statement
     * and no COMMIT is needed. Null in a transaction, and once a read needs one (see {@link #acquire}).
     */
    private Waiting eachStatement;
    /** Whether statements still run in autocommit, each carrying {@link #eachStatement}. */
    private boolean reading;

    private Pipeline(Connection connection, boolean reading) {
        this.connection = connection;
        this.reading = reading;
    }

    /** For a transaction: the connection out of autocommit. */
    static Pipeline transaction(Connection connection) {
        return new Pipeline(connection, false);
    }

    /** For a read: the connection in autocommit, each statement its own transaction carrying the scope. */
    static Pipeline read(Connection connection) {
        return new Pipeline(connection, true);
    }

    /** The pipeline of a {@link Database#transaction} or {@link Database#read}, the only contexts that run SQL. */
    static Pipeline of(DSLContext tx) {
        if (tx.configuration().connectionProvider() instanceof Pipeline pipeline) {
            return pipeline;
        }
        throw new IllegalStateException("not a Database.transaction or Database.read context");
    }

    /** Queues the scope's statement to run before the transaction's next one. */
    void scope(String sql, List<Object> binds) {
        var scope = new Waiting(sql, List.copyOf(binds), false);
        if (reading) {
            eachStatement = scope;
        } else {
            waiting.add(scope);
        }
    }

    /** Queues a write to run before the transaction's next statement, or with its commit. */
    void later(String sql, List<Object> binds) {
        later(sql, binds, null);
    }

    /** Like {@link #later(String, List)}; {@code result} reads the statement's result when it ran. */
    void later(String sql, List<Object> binds, Result<?> result) {
        if (reading) {
            throw new IllegalStateException("a read does not write: use Database.transaction");
        }
        waiting.add(new Waiting(sql, Collections.unmodifiableList(new ArrayList<>(binds)), true, result));
    }

    /** Runs {@code sql} after what is waiting, in one round trip, and reads its result. */
    <T> T execute(String sql, Object[] binds, Result<T> result) throws SQLException {
        var parts = new ArrayList<Waiting>(waiting.size() + 2);
        if (eachStatement != null) {
            parts.add(eachStatement);
        }
        parts.addAll(waiting);
        waiting.clear();
        parts.add(new Waiting(sql, Arrays.asList(binds), true));
        var text = new StringBuilder();
        int count = 0;
        for (var part : parts) {
            text.append(text.isEmpty() ? "" : ";\n").append(part.sql());
        }
        StatementCounter.INSTANCE.executed(parts.size(), 1);
        begun = true;
        try (var statement = connection.prepareStatement(text.toString())) {
            for (var part : parts) {
                for (var value : part.binds()) {
                    statement.setObject(++count, value);
                }
            }
            statement.execute();
            for (int i = 0; i < parts.size() - 1; i++) {
                parts.get(i).deliver(statement);
                statement.getMoreResults();
            }
            return result.read(statement);
        }
    }

    /**
     * Commits: writes still waiting travel with the COMMIT; otherwise pgjdbc's own commit, which sends nothing when
     * no statement began the transaction. A scope waiting alone is dropped: no statement needed it.
     */
    void commit() throws SQLException {
        if (reading) {
            return; // each statement committed itself
        }
        if (waiting.stream().anyMatch(Waiting::needed)) {
            execute("commit", new Object[0], statement -> null);
        } else {
            waiting.clear();
            if (begun) {
                StatementCounter.INSTANCE.executed(0, 1);
            }
        }
        connection.commit(); // sends nothing when pgjdbc saw a COMMIT end the transaction
    }

    /** The connection, for a statement run past {@link #execute} (jOOQ's): what is waiting is sent first. */
    @Override
    public Connection acquire() {
        if (reading) {
            // A statement that cannot carry the scope (jOOQ's): from here on the read is a transaction.
            reading = false;
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new DataAccessException("Could not begin a transaction: " + e.getMessage(), e);
            }
            if (eachStatement != null) {
                waiting.addFirst(eachStatement);
                eachStatement = null;
            }
        }
        if (!waiting.isEmpty()) {
            var last = waiting.removeLast();
            try {
                execute(last.sql(), last.binds().toArray(), statement -> {
                    last.deliver(statement);
                    return null;
                });
            } catch (SQLException e) {
                throw new DataAccessException("Statement failed: " + e.getMessage(), e);
            }
        }
        begun = true;
        return connection;
    }

    @Override
    public void release(Connection released) {
        // the transaction owns the connection; Database closes it
    }
}
