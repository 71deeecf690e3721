package com.hummdesk.platform.db;

import com.hummdesk.platform.config.DatabaseUrl;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** Applies the Flyway migrations as the schema owner (the application role cannot run DDL). */
public final class Migrator {
    private Migrator() {}

    /** Returns how many migrations were applied. */
    public static int migrate(DatabaseUrl ownerUrl, String appRole) {
        var flyway = Flyway.configure()
                .dataSource(ownerUrl.jdbcUrl(), ownerUrl.user(), ownerUrl.password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", appRole))
                .connectRetries(3)
                .load();
        return flyway.migrate().migrationsExecuted;
    }
}
