package com.hummdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.db.Migrator;
import com.hummdesk.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V19 moves existing chunks into the hash-partitioned, half-precision table without losing or renumbering any. */
class ChunkPartitionMigrationIT {

    @Test
    void chunks_written_before_the_partitioning_survive_it_and_new_ones_get_higher_ids() throws Exception {
        var name = TestDatabases.createEmpty();
        try {
            var owner = TestDatabases.ownerUrl(name);
            Flyway.configure()
                    .dataSource(owner.jdbcUrl(), owner.user(), owner.password())
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("app_role", TestDatabases.APP_ROLE))
                    .target("18")
                    .load()
                    .migrate();
            long chunkId;
            // As a superuser, which row-level security does not apply to.
            try (var c = DriverManager.getConnection(owner.jdbcUrl(), "postgres", null)) {
                long account = single(c, "insert into accounts (name) values ('Before V19') returning id");
                long article = single(
                        c,
                        "insert into kb_articles (account_id, title, status) values (" + account
                                + ", 'Refunds', 'published') returning id");
                chunkId = single(
                        c,
                        "insert into kb_chunks (account_id, article_id, ordinal, published, content, embedding,"
                                + " search_tsv) values (" + account + ", " + article + ", 0, true, 'Refunds take"
                                + " five days.', array_fill(0.05::real, array[384])::vector,"
                                + " to_tsvector('english', 'Refunds take five days.')) returning id");
            }

            assertThat(Migrator.migrate(owner, TestDatabases.APP_ROLE)).isPositive();

            try (var c = DriverManager.getConnection(owner.jdbcUrl(), "postgres", null)) {
                long account = single(c, "select id from accounts where name = 'Before V19'");
                assertThat(text(c, "select count(*) || ' ' || min(content) from kb_chunks"))
                        .isEqualTo("1 Refunds take five days.");
                assertThat(text(c, "select content from kb_chunks where id = " + chunkId))
                        .isEqualTo("Refunds take five days.");
                assertThat(single(
                                c,
                                "select count(*) from kb_chunks where search_tsv @@ to_tsquery('english',"
                                        + " 'refund')"))
                        .isEqualTo(1);
                assertThat(text(c, "select pg_typeof(embedding)::text from kb_chunks limit 1"))
                        .isEqualTo("halfvec");
                assertThat(text(c, "select tableoid::regclass::text from kb_chunks limit 1"))
                        .startsWith("kb_chunks_p");
                long article = single(c, "select article_id from kb_chunks where id = " + chunkId);
                long next = single(
                        c,
                        "insert into kb_chunks (account_id, article_id, ordinal, published, content, embedding,"
                                + " search_tsv) values (" + account + ", " + article + ", 1, true, 'More.',"
                                + " array_fill(0.05::real, array[384])::vector::halfvec, to_tsvector('More.'))"
                                + " returning id");
                assertThat(next).isGreaterThan(chunkId);
                assertThat(single(c, "select count(*) from pg_class where relname = 'kb_chunks_unpartitioned'"))
                        .isZero();
            }
        } finally {
            TestDatabases.drop(name);
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
