package com.hummdesk.testing;

import com.hummdesk.platform.config.DatabaseUrl;
import com.hummdesk.platform.db.Migrator;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database per test class, copied from the migrated template {@code hummdesk_test} (which the test command
 * provisions). Copying a small template takes tens of milliseconds, so every test class starts from a clean schema.
 */
public final class TestDatabases {
    public static final String APP_ROLE = env("HD_DB_APP_ROLE", "hummdesk_app");
    private static final String TEMPLATE = env("HD_TEST_TEMPLATE_DB", "hummdesk_test");
    private static final DatabaseUrl OWNER = DatabaseUrl.parse(
            env("HD_TEST_OWNER_URL", "postgresql://hummdesk_owner:hummdesk_owner@127.0.0.1:5432/" + TEMPLATE));
    private static final DatabaseUrl APP = DatabaseUrl.parse(
            env("HD_TEST_APP_URL", "postgresql://hummdesk_app:hummdesk_app@127.0.0.1:5432/" + TEMPLATE));
    // Per template, so test runs of different work trees (each with its own template) never touch each other.
    // Leftovers are matched exactly (prefix + 12 hex digits), so hummdesk_test never takes hummdesk_test_x's databases.
    private static final String PREFIX = "hdt_" + TEMPLATE + "_";
    private static boolean templateMigrated;

    private TestDatabases() {}

    /** Creates a database with the current schema; returns its name. */
    public static synchronized String create() {
        if (!templateMigrated) {
            dropLeftovers();
            Migrator.migrate(OWNER, APP_ROLE);
            templateMigrated = true;
        }
        var name = PREFIX
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
        return name;
    }

    /**
     * Creates an empty database (no tables) with pgvector, as provisioning leaves one, for testing the migrations
     * themselves. pgvector is not a trusted extension: it is created as the superuser.
     */
    public static String createEmpty() {
        var name = PREFIX + "empty_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name + " TEMPLATE template0");
        try (var connection = DriverManager.getConnection(OWNER.withName(name).jdbcUrl(), "postgres", null);
                var statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create pgvector in " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** Drops a test database; a pool that is still closing gets a moment, and a leftover is dropped next run. */
    public static void drop(String name) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                admin("DROP DATABASE IF EXISTS " + name);
                return;
            } catch (IllegalStateException stillInUse) {
                sleep(100);
            }
        }
        System.err.println("Could not drop test database " + name + "; it is removed on the next run.");
    }

    private static void dropLeftovers() {
        var url = OWNER.withName("postgres");
        try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                var rs = connection
                        .createStatement()
                        .executeQuery("select datname from pg_database where datname ~ '^" + PREFIX
                                + "(empty_)?[0-9a-f]{12}$'")) {
            var names = new java.util.ArrayList<String>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (var leftover : names) {
                try {
                    admin("DROP DATABASE IF EXISTS " + leftover);
                } catch (IllegalStateException inUseByAnotherRun) {
                    // Another test run may be using it; leave it.
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static DatabaseUrl ownerUrl(String database) {
        return OWNER.withName(database);
    }

    public static DatabaseUrl appUrl(String database) {
        return APP.withName(database);
    }

    private static void admin(String sql) {
        var url = OWNER.withName("postgres");
        try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Test database setup failed (" + sql + "): " + e.getMessage()
                            + ". Run the README's test command, which provisions PostgreSQL.",
                    e);
        }
    }

    static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
