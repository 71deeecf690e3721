package com.hummdesk.platform.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Constant SQL run on the transaction's JDBC connection, for hot paths: jOOQ's plain-SQL methods parse the SQL
 * template, read the result's metadata and build records on every call, which was a fifth of the conversation list's
 * CPU and most of a routing decision's in the JVM. Binds go through {@code setObject} (null included); statements
 * count in {@link StatementCounter}. Each statement carries what waits in its transaction's {@link Pipeline} (the
 * scope, {@link #later} writes) in the same round trip.
 */
public final class Jdbc {
    /** Reads one row; called with the cursor on it. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Reads a whole result, from before its first row. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private Jdbc() {}

    /** Runs the query and hands its result to {@code rows}. */
    public static <T> T query(DSLContext tx, String sql, Rows<T> rows, Object... binds) {
        return run(tx, sql, binds, statement -> {
            try (var result = statement.getResultSet()) {
                return rows.read(result);
            }
        });
    }

    /** The first row the query returns, if any. */
    public static <T> Optional<T> first(DSLContext tx, String sql, Row<T> row, Object... binds) {
        return query(tx, sql, rows -> rows.next() ? Optional.of(row.read(rows)) : Optional.<T>empty(), binds);
    }

    /** Runs a statement that returns no rows; the number of rows it changed. */
    public static int update(DSLContext tx, String sql, Object... binds) {
        return run(tx, sql, binds, PreparedStatement::getUpdateCount);
    }

    /**
     * A write whose outcome the transaction does not read: it travels with the transaction's next statement or with
     * its commit, saving its own round trip. Its failure fails that statement (or the commit), and so the
     * transaction: it is never lost silently.
     */
    public static void later(DSLContext tx, String sql, Object... binds) {
        Pipeline.of(tx).later(sql, Arrays.asList(binds));
    }

    /**
     * A query whose row the work needs only after the transaction, typically a write's RETURNING: like {@link #later}
     * it travels with the next statement or with the commit, and its first row (if any) is in the {@link Pending}
     * once it ran. A statement after it in the same round trip sees its effects, so the transaction's last steps
     * can be one round trip with the COMMIT when they are conditions in SQL rather than in Java. {@code row} runs
     * when the rows arrive, possibly after the COMMIT it travelled with: it only reads columns.
     */
    public static <T> Pending<Optional<T>> laterFirst(DSLContext tx, String sql, Row<T> row, Object... binds) {
        var pending = new Pending<Optional<T>>();
        Pipeline.of(tx).later(sql, Arrays.asList(binds), statement -> {
            try (var rows = statement.getResultSet()) {
                pending.complete(rows.next() ? Optional.of(row.read(rows)) : Optional.empty());
            }
            return null;
        });
        return pending;
    }

    private static <T> T run(DSLContext tx, String sql, Object[] binds, Pipeline.Result<T> result) {
        try {
            return Pipeline.of(tx).execute(sql, binds, result);
        } catch (SQLException e) {
            throw new DataAccessException("Statement failed: " + e.getMessage(), e);
        }
    }
}
