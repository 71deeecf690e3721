package com.hummdesk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import com.hummdesk.testing.TestDatabases;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Under row-level security the planner only uses an index whose operator is LEAKPROOF; provisioning marks the
 * full-text match so. Without it, every search would read all of an account's messages.
 */
class SearchIndexIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void full_text_search_uses_the_gin_indexes_as_the_application_role() {
        var tenant = Fixtures.tenant(app, "Indexed");
        long account = tenant.accountId();
        app.app().database().runInAccount(account, tx -> {
            tx.execute(
                    "insert into inboxes (account_id, id, name, public_id) values (?, 1, 'api', 'search-idx')",
                    account);
            tx.execute("insert into contacts (account_id, id, name) values (?, 1, 'c')", account);
            tx.execute("insert into conversations (account_id, id, inbox_id, contact_id) values (?, 1, 1, 1)", account);
            tx.execute(
                    "insert into messages (account_id, conversation_id, message_type, sender_type, content)"
                            + " select ?, 1, 'incoming', 'contact', 'message number ' || g from generate_series(1, 20000) g",
                    account);
        });
        analyzeMessagesAsOwner();
        String plan = app.app().database().inAccount(account, tx -> {
            // Whether the index is usable at all, not whether it wins on a small table.
            tx.execute("set local enable_seqscan = off");
            return tx.fetch(
                            "explain select conversation_id from messages where account_id = ?"
                                    + " and content_tsv @@ plainto_tsquery('simple', ?)",
                            tenant.accountId(),
                            "refund")
                    .getValues(0, String.class)
                    .toString();
        });
        assertThat(plan).contains("messages_content_fts_idx");
    }

    private static void analyzeMessagesAsOwner() {
        var owner = TestDatabases.ownerUrl(app.databaseName());
        try (var c = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var s = c.createStatement()) {
            s.execute("analyze messages");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
