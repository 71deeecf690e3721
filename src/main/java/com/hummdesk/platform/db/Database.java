package com.hummdesk.platform.db;

import com.hummdesk.platform.config.DatabaseUrl;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The application's connection pool (as the non-owner role) and its transactions. Every transaction states whose
 * data it touches: {@link #inAccount} sets {@code app.account_id} for its duration only ({@code set_config(...,
 * true)}), so row-level security scopes it and a pooled connection never carries the setting to the next request.
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final DSLContext dsl;

    public Database(DatabaseUrl url, int poolSize, MeterRegistry meters) {
        this(pool(url, poolSize, meters));
    }

    /** Over any data source (tests watch what a transaction asks of its connection). */
    Database(DataSource dataSource) {
        this.dataSource = dataSource;
        var settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(SQLDialect.POSTGRES)
                .set(settings)
                .set(StatementCounter.INSTANCE));
    }

    private static HikariDataSource pool(DatabaseUrl url, int poolSize, MeterRegistry meters) {
        var config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setPoolName("hummdesk");
        config.setConnectionTimeout(5_000);
        // Server-side prepared statements from the first execution: the hot queries are few and repeated.
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("ApplicationName", "hummdesk");
        if (meters != null) {
            config.setMetricRegistry(meters);
        }
        return new HikariDataSource(config);
    }

    /** Runs {@code work} in one transaction scoped to {@code accountId}. */
    public <T> T inAccount(long accountId, Function<DSLContext, T> work) {
        return transaction(Scope.account(accountId), work);
    }

    /** Like {@link #inAccount} for work that returns nothing. */
    public void runInAccount(long accountId, Consumer<DSLContext> work) {
        transaction(Scope.account(accountId), tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * A transaction in the given scope (account, user, public inbox, or none for global tables).
     *
     * <p>Begun and ended on the JDBC connection directly rather than through jOOQ's {@code transactionResult}: jOOQ
     * 3.21's {@code DefaultTransactionProvider} reads the connection's isolation level at every begin, and pgjdbc
     * answers {@code getTransactionIsolation()} with a {@code SHOW TRANSACTION ISOLATION LEVEL} round trip (parsed
     * anew each time): one extra statement per request, a quarter of the database's work for the conversation list.
     * Here a transaction costs what it must: BEGIN and the scope travel with the first statement, then COMMIT (or
     * ROLLBACK), carrying the writes that wait in its {@link Pipeline}. Nothing nests transactions, so jOOQ's
     * savepoints are not needed.
     */
    public <T> T transaction(Scope scope, Function<DSLContext, T> work) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // no round trip: pgjdbc sends BEGIN with the next statement
            return run(connection, Pipeline.transaction(connection), scope, work);
        } catch (SQLException e) {
            throw new DataAccessException("Transaction failed: " + e.getMessage(), e);
        }
    }

    /**
     * Read-only work in the given scope, a round trip cheaper than a {@link #transaction}: each statement run through
     * {@link Jdbc} carries the scope and is its own implicit transaction (what PostgreSQL runs up to a Sync), so no
     * COMMIT follows. Under READ COMMITTED a transaction's statements each see their own snapshot anyway, so work
     * that only reads observes the same. Writes fail ({@code transaction_read_only}); a statement run past Jdbc
     * (jOOQ's) turns the rest of the work into a transaction. A scope with a lock is refused: its lock would last one
     * statement.
     */
    public <T> T read(Scope scope, Function<DSLContext, T> work) {
        if (scope.lock() != null) {
            throw new IllegalArgumentException("a read holds no lock: use transaction()");
        }
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return run(connection, Pipeline.read(connection), scope.with("transaction_read_only", "on"), work);
        } catch (SQLException e) {
            throw new DataAccessException("Read failed: " + e.getMessage(), e);
        }
    }

    /** The work on the connection's pipeline; rolled back on failure unless nothing is open (a read so far). */
    private <T> T run(Connection connection, Pipeline pipeline, Scope scope, Function<DSLContext, T> work)
            throws SQLException {
        try {
            var tx = DSL.using(dsl.configuration().derive(pipeline));
            scope.applyTo(tx);
            T result = work.apply(tx);
            pipeline.commit();
            return result;
        } catch (RuntimeException | Error | SQLException e) {
            if (!connection.getAutoCommit()) {
                rollback(connection, e);
            }
            throw e;
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e); // the pool discards a broken connection; the first failure is the story
        }
    }

    /** For tables that belong to no account (users, refresh tokens). */
    public <T> T global(Function<DSLContext, T> work) {
        return transaction(Scope.NONE, work);
    }

    public boolean ping() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }
}
