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
                // Features land from parallel branches, so a lower version can arrive after a higher one was
                // applied; each migration only adds its own objects, so applying it late is safe.
                .outOfOrder(true)
                .load();
        return flyway.migrate().migrationsExecuted;
    }
}
