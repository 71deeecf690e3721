package com.hummdesk.platform.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Constant SQL run on the transaction's JDBC connection, for hot paths: jOOQ's plain-SQL methods parse the SQL
 * template, read the result's metadata and build records on every call, which was a fifth of the conversation list's
 * CPU and most of a routing decision's in the JVM. Binds go through {@code setObject} (null included); statements
 * count in {@link StatementCounter}.
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
        return tx.connectionResult(connection -> {
            StatementCounter.INSTANCE.executed();
            try (var statement = connection.prepareStatement(sql)) {
                bind(statement, binds);
                try (var result = statement.executeQuery()) {
                    return rows.read(result);
                }
            }
        });
    }

    /** The first row the query returns, if any. */
    public static <T> Optional<T> first(DSLContext tx, String sql, Row<T> row, Object... binds) {
        return query(tx, sql, rows -> rows.next() ? Optional.of(row.read(rows)) : Optional.<T>empty(), binds);
    }

    /** Runs a statement that returns no rows; the number of rows it changed. */
    public static int update(DSLContext tx, String sql, Object... binds) {
        return tx.connectionResult(connection -> {
            StatementCounter.INSTANCE.executed();
            try (var statement = connection.prepareStatement(sql)) {
                bind(statement, binds);
                return statement.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement statement, Object[] binds) throws SQLException {
        for (int i = 0; i < binds.length; i++) {
            statement.setObject(i + 1, binds[i]);
        }
    }
}
