package com.hummdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The jar's admin command line, run in-process against a fresh database. */
class MainIT {
    private static String database;
    private static Map<String, String> env;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabases.create();
        var app = TestDatabases.appUrl(database);
        var owner = TestDatabases.ownerUrl(database);
        env = Map.of(
                "DATABASE_URL",
                "postgresql://" + app.user() + ":" + app.password() + "@" + app.hostAndPort() + "/" + database,
                "DATABASE_MIGRATION_URL",
                "postgresql://" + owner.user() + ":" + owner.password() + "@" + owner.hostAndPort() + "/" + database,
                "PORT",
                "0");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabases.drop(database);
    }

    private static String run(String... args) {
        var out = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), env);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void create_account_prints_the_new_account_id() {
        var output = run(
                "create-account",
                "--name",
                "Cli Co",
                "--owner-email",
                "cli@example.test",
                "--owner-password",
                "long-enough-password");
        assertThat(output.trim()).matches("\\d+");
    }

    @Test
    void migrate_reports_nothing_pending_on_a_current_schema() {
        assertThat(run("migrate")).contains("Applied 0 migration(s).");
    }

    @Test
    void seed_demo_loads_once_and_prints_logins() {
        var first = run("seed-demo");
        assertThat(first)
                .contains("Loaded the demo account")
                .contains("with 9 knowledge-base articles")
                .contains("owner@demo.hummdesk.dev");
        var second = run("seed-demo");
        assertThat(second).doesNotContain("Loaded the demo account").contains("owner@demo.hummdesk.dev");
    }
}
