package com.hummdesk.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.TestDatabases;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class MigrationsIT {

    @Test
    void migrations_apply_to_an_empty_database_and_are_idempotent() throws Exception {
        var name = TestDatabases.createEmpty();
        try {
            var owner = TestDatabases.ownerUrl(name);
            int applied = Migrator.migrate(owner, TestDatabases.APP_ROLE);
            assertThat(applied).isGreaterThanOrEqualTo(2);
            assertThat(Migrator.migrate(owner, TestDatabases.APP_ROLE)).isZero();

            try (var c = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                    var rs = c.createStatement()
                            .executeQuery(
                                    "select count(*) from information_schema.tables where table_schema = 'public'"
                                            + " and table_name in ('accounts','users','account_users','teams','team_members',"
                                            + "'inboxes','contacts','conversations','messages','refresh_tokens','audit_log')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(11);
            }
        } finally {
            TestDatabases.drop(name);
        }
    }
}
