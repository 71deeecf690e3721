package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AI triage's socket events with the app as deployed (AI_TRIAGE on): a customer's message is classified and
 * drafted in the background, and the account's agents get ai:classification then ai:draft; the customer gets
 * neither (AI results are for agents only).
 */
class AiEventsIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with("AI_TRIAGE", "true");

    @RegisterExtension
    static final NodeClients clients = new NodeClients();

    @Test
    void agents_get_the_classification_and_the_draft_and_the_customer_gets_neither() {
        var tenant = Fixtures.tenant(app, "AI events");
        long account = tenant.accountId();
        var inbox = "/api/public/inboxes/inbox-" + UUID.randomUUID();
        app.app()
                .database()
                .inAccount(
                        account,
                        tx -> tx.execute(
                                "insert into inboxes (account_id, name, public_id) values (?, 'Web', ?)",
                                account,
                                inbox.substring(inbox.lastIndexOf('/') + 1)));
        var contact = app.post(inbox + "/contacts", Map.of("name", "Olli"), null);
        var customerToken = contact.json().get("contactToken").asText();
        clients.connect("agent", app.baseUrl(), auth(tenant.token(), account));
        clients.connect("customer", app.baseUrl(), auth(customerToken));
        clients.await("agent", "connect");
        clients.await("customer", "connect");

        var started = app.post(
                inbox + "/conversations",
                Map.of("content", "The app crashes with error 500 every time I log in, please help"),
                customerToken);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long conversation = started.json().get("conversationId").asLong();

        var classification = payload(clients.await(
                line -> "agent".equals(line.path("id").asText())
                        && "ai:classification".equals(line.path("event").asText()),
                Duration.ofSeconds(60)));
        assertThat(classification.get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(classification.get("category").asText()).isEqualTo("technical");
        assertThat(classification.get("language").asText()).isEqualTo("en");
        var draft = payload(clients.await(
                line -> "agent".equals(line.path("id").asText())
                        && "ai:draft".equals(line.path("event").asText()),
                Duration.ofSeconds(60)));
        assertThat(draft.get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(draft.get("content").asText()).isNotBlank();

        assertThat(clients.of("customer").stream()
                        .filter(line -> "event".equals(line.path("type").asText()))
                        .map(line -> line.path("event").asText()))
                .containsExactly("message:new");
    }

    private static JsonNode payload(JsonNode line) {
        return line.path("args").get(0);
    }
}
