package com.hummdesk.conversations;

import static com.hummdesk.conversations.ConversationFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenant isolation sweep: account B's ids used with account A's credentials are 404 on every endpoint, and
 * nothing of B ever appears in A's lists or search results.
 */
class ConversationIsolationIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Fixtures.Tenant a;
    private static Fixtures.Tenant b;
    private static ConversationFixtures.Customer customerA;
    private static ConversationFixtures.Customer customerB;
    private static long conversationA;
    private static long conversationB;
    private static long messageB;
    private static ConversationFixtures.Agent agentB;
    private static long teamB;

    @BeforeAll
    static void twoAccounts() {
        a = Fixtures.tenant(app, "Alpha");
        b = Fixtures.tenant(app, "Beta");
        customerA = ConversationFixtures.customer(
                app, ConversationFixtures.inbox(app, a.accountId()), "Same Person", "same@example.com");
        customerB = ConversationFixtures.customer(
                app, ConversationFixtures.inbox(app, b.accountId()), "Same Person", "same@example.com");
        conversationA = ConversationFixtures.conversation(app, customerA, "Alpha needs help");
        conversationB = ConversationFixtures.conversation(app, customerB, "Beta zanzibar secret");
        messageB = ConversationFixtures.reply(app, conversationB, Map.of("content", "Beta answer zanzibar"), b.token())
                .json()
                .get("id")
                .asLong();
        agentB = ConversationFixtures.agent(app, b.accountId(), "Beta Agent");
        teamB = ConversationFixtures.team(app, b.accountId(), "Beta team");
        ConversationFixtures.label(app, b.accountId(), "beta-only");
        ConversationFixtures.label(app, a.accountId(), "shared-name");
        ConversationFixtures.label(app, b.accountId(), "shared-name");
        ConversationFixtures.patch(
                app, conversationB, Map.of("assigneeId", agentB.userId(), "labels", List.of("beta-only")), b.token());
    }

    @Test
    void every_agent_endpoint_is_404_for_another_accounts_conversation() {
        var path = "/api/conversations/" + conversationB;
        assertThat(app.get(path, a.token()).status()).isEqualTo(404);
        assertThat(app.get(path + "/messages", a.token()).status()).isEqualTo(404);
        assertThat(app.get(path + "/messages?before=" + (messageB + 1), a.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post(path + "/messages", Map.of("content", "hi"), a.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post(path + "/messages", Map.of("content", "hi", "private", true), a.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.patch(path, Map.of("status", "resolved"), a.token()).status())
                .isEqualTo(404);
        var untouched = app.get(path, b.token()).json();
        assertThat(untouched.get("status").asText()).isEqualTo("open");
        assertThat(sql(
                        app,
                        b.accountId(),
                        "select count(*) from messages where account_id = ? and conversation_id = ?",
                        b.accountId(),
                        conversationB))
                .as("no message and no activity entry was added to B")
                .isEqualTo(4);
    }

    @Test
    void another_accounts_agents_teams_and_labels_cannot_be_referenced() {
        var path = "/api/conversations/" + conversationA;
        assertThat(app.patch(path, Map.of("assigneeId", agentB.userId()), a.token())
                        .status())
                .isEqualTo(422);
        assertThat(app.patch(path, Map.of("teamId", teamB), a.token()).status()).isEqualTo(422);
        assertThat(app.patch(path, Map.of("labels", List.of("beta-only")), a.token())
                        .status())
                .isEqualTo(422);
        var shared = app.patch(path, Map.of("labels", List.of("shared-name")), a.token());
        assertThat(shared.status()).isEqualTo(200);
        assertThat(sql(
                        app,
                        a.accountId(),
                        "select count(*) from conversation_labels cl join labels l"
                                + " on l.account_id = cl.account_id and l.id = cl.label_id"
                                + " where cl.account_id = ? and cl.conversation_id = ? and l.name = 'shared-name'",
                        a.accountId(),
                        conversationA))
                .isEqualTo(1);
    }

    @Test
    void nothing_of_another_account_appears_in_lists_or_search() {
        assertThat(idsFor("")).containsExactly(conversationA);
        assertThat(idsFor("?q=zanzibar")).isEmpty();
        assertThat(idsFor("?q=same@example.com")).containsExactly(conversationA);
        assertThat(idsFor("?q=beta")).isEmpty();
        assertThat(idsFor("?assignee=" + agentB.userId())).isEmpty();
        assertThat(idsFor("?team=" + teamB)).isEmpty();
        assertThat(idsFor("?inbox=" + customerB.inbox().id())).isEmpty();
        assertThat(idsFor("?label=beta-only")).isEmpty();
        var counts = app.get("/api/conversations", a.token()).json().get("counts");
        assertThat(counts.toString()).isEqualTo("{\"mine\":0,\"unassigned\":1,\"all\":1}");
        assertThat(idsFor("?q=zanzibar", b.token())).containsExactly(conversationB);
    }

    @Test
    void the_same_email_in_two_accounts_is_two_contacts() {
        assertThat(customerA.contactId()).isNotEqualTo(customerB.contactId());
    }

    @Test
    void a_contact_token_reaches_nothing_of_another_account() {
        var inboxB = customerB.inbox().path();
        assertThat(app.get(inboxB + "/conversations", customerA.token()).status())
                .isEqualTo(404);
        assertThat(app.post(inboxB + "/conversations", Map.of("content", "x"), customerA.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.get(inboxB + "/conversations/" + conversationB + "/messages", customerA.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post(
                                inboxB + "/conversations/" + conversationB + "/messages",
                                Map.of("content", "x"),
                                customerA.token())
                        .status())
                .isEqualTo(404);
        var inboxA = customerA.inbox().path();
        assertThat(app.get(inboxA + "/conversations/" + conversationB + "/messages", customerA.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post(
                                inboxA + "/conversations/" + conversationB + "/messages",
                                Map.of("content", "x"),
                                customerA.token())
                        .status())
                .isEqualTo(404);
        var own = app.get(inboxA + "/conversations", customerA.token()).json().get("conversations");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("id").asLong()).isEqualTo(conversationA);
    }

    private static List<Long> idsFor(String query) {
        return idsFor(query, a.token());
    }

    private static List<Long> idsFor(String query, String token) {
        var response = app.get("/api/conversations" + query, token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        response.json().get("conversations").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }
}
