package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each socket event after the API action that causes it, through the whole app: a customer writes in through the
 * public API, an agent replies, writes a private note, assigns and resolves. The agent's dashboard and the
 * customer's widget are stock socket.io clients; the customer sees their conversation's public messages only.
 */
class ConversationEventsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @RegisterExtension
    static final NodeClients clients = new NodeClients();

    @Test
    void api_actions_reach_the_agents_and_public_replies_reach_the_customer() {
        var tenant = Fixtures.tenant(app, "Events");
        long account = tenant.accountId();
        var inbox = "/api/public/inboxes/" + inbox(account);
        var contact = app.post(inbox + "/contacts", Map.of("name", "Ella", "email", "ella@example.test"), null);
        assertThat(contact.status()).as(contact.text()).isEqualTo(201);
        var customerToken = contact.json().get("contactToken").asText();

        clients.connect("agent", app.baseUrl(), auth(tenant.token(), account));
        clients.connect("customer", app.baseUrl(), auth(customerToken));
        clients.await("agent", "connect");
        clients.await("customer", "connect");

        var started = app.post(inbox + "/conversations", Map.of("content", "first from Ella"), customerToken);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long conversation = started.json().get("conversationId").asLong();
        assertThat(payload(clients.awaitEvent("agent", "message:new"))
                        .get("content")
                        .asText())
                .isEqualTo("first from Ella");
        assertThat(payload(clients.awaitEvent("customer", "message:new"))
                        .get("content")
                        .asText())
                .isEqualTo("first from Ella");

        var messages = "/api/conversations/" + conversation + "/messages";
        assertThat(app.post(messages, Map.of("content", "internal: check billing", "private", true), tenant.token())
                        .status())
                .isEqualTo(201);
        assertThat(app.post(messages, Map.of("content", "Hi Ella, fixed now"), tenant.token())
                        .status())
                .isEqualTo(201);
        var reply = payload(clients.awaitEvent("customer", "message:sent"));
        assertThat(reply.get("content").asText()).isEqualTo("Hi Ella, fixed now");
        assertThat(reply.get("conversationId").asLong()).isEqualTo(conversation);
        clients.await(line -> clients.events("agent", "message:sent").size() == 2, java.time.Duration.ofSeconds(10));
        assertThat(clients.events("agent", "message:sent").stream()
                        .map(line -> payload(line).get("content").asText()))
                .containsExactly("internal: check billing", "Hi Ella, fixed now");

        var path = "/api/conversations/" + conversation;
        assertThat(app.patch(path, Map.of("assigneeId", tenant.ownerId()), tenant.token())
                        .status())
                .isEqualTo(200);
        var assigned = payload(clients.awaitEvent("agent", "conversation:assigned"));
        assertThat(assigned.get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(assigned.get("assigneeId").asLong()).isEqualTo(tenant.ownerId());

        assertThat(app.patch(path, Map.of("status", "resolved"), tenant.token()).status())
                .isEqualTo(200);
        var resolved = clients.await(
                line -> "agent".equals(line.path("id").asText())
                        && "conversation:updated".equals(line.path("event").asText())
                        && payload(line).toString().contains("\"to\":\"resolved\""),
                java.time.Duration.ofSeconds(10));
        assertThat(payload(resolved).get("conversationId").asLong()).isEqualTo(conversation);

        // The customer got their own message and the public reply: no note, no assignment, no status change.
        assertThat(clients.of("customer").stream()
                        .filter(line -> "event".equals(line.path("type").asText()))
                        .map(line -> line.path("event").asText()))
                .containsExactly("message:new", "message:sent");
        assertThat(clients.of("customer").toString()).doesNotContain("internal: check billing");
    }

    private static JsonNode payload(JsonNode line) {
        return line.path("args").get(0);
    }

    private static String inbox(long account) {
        var publicId = "inbox-" + UUID.randomUUID();
        app.app()
                .database()
                .inAccount(
                        account,
                        tx -> tx.execute(
                                "insert into inboxes (account_id, name, public_id) values (?, 'Web', ?)",
                                account,
                                publicId));
        return publicId;
    }
}
