package com.hummdesk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.db.StatementCounter;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The list is one SQL statement (plus the row-level-security scope), whatever the page size or filters: no N+1. */
class ConversationListStatementsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Fixtures.Tenant tenant;

    @BeforeAll
    static void manyConversations() {
        tenant = Fixtures.tenant(app, "Counted");
        long account = tenant.accountId();
        var inbox = ConversationFixtures.inbox(app, account);
        ConversationFixtures.execute(
                app,
                account,
                "insert into contacts (account_id, name, email)"
                        + " select ?, 'Customer ' || g, 'customer' || g || '@example.test' from generate_series(1, 150) g",
                account);
        ConversationFixtures.execute(
                app,
                account,
                "insert into conversations (account_id, inbox_id, contact_id, assignee_id, status, last_message_at,"
                        + " last_message_preview)"
                        + " select account_id, ?, id, case when id % 2 = 0 then ?::bigint end,"
                        + " (array['open', 'pending', 'resolved'])[1 + id % 3], now() - id * interval '1 minute', 'hi'"
                        + " from contacts where account_id = ?",
                inbox.id(),
                tenant.ownerId(),
                account);
        ConversationFixtures.execute(
                app,
                account,
                "insert into messages (account_id, conversation_id, message_type, sender_type, content)"
                        + " select account_id, id, 'incoming', 'contact', 'hello there number ' || id"
                        + " from conversations where account_id = ?",
                account);
    }

    @Test
    void a_page_costs_the_same_statements_whatever_its_size() {
        var statements = new LinkedHashMap<Integer, Long>();
        for (int pageSize : List.of(1, 10, 100)) {
            statements.put(pageSize, statementsFor("/api/conversations?pageSize=" + pageSize, pageSize));
        }
        assertThat(statements.values())
                .as("statements per page size %s", statements)
                .containsOnly(2L);
    }

    @Test
    void filters_sorts_and_search_stay_one_statement() {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (var query : List.of(
                "?status=open&assignee=me&sort=priority&pageSize=100",
                "?assignee=unassigned&sort=waiting&pageSize=50",
                "?q=hello&sort=oldest&pageSize=100",
                "?label=none&category=billing&language=en&pageSize=100")) {
            statements.put(query, statementsFor("/api/conversations" + query, -1));
        }
        assertThat(statements.values())
                .as("statements per query %s", statements)
                .containsOnly(2L);
    }

    /** The fewest statements of three runs, so that nothing else running in the JVM can inflate the count. */
    private static long statementsFor(String path, int expectedRows) {
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = StatementCounter.INSTANCE.count();
            var response = app.get(path, tenant.token());
            long after = StatementCounter.INSTANCE.count();
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            if (expectedRows >= 0) {
                assertThat(response.json().get("conversations")).hasSize(expectedRows);
            }
            fewest = Math.min(fewest, after - before);
        }
        return fewest;
    }
}
