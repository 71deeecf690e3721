package com.hummdesk.ai.pipeline;

import static com.hummdesk.ai.pipeline.AiFixtures.assignee;
import static com.hummdesk.ai.pipeline.AiFixtures.await;
import static com.hummdesk.ai.pipeline.AiFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app as deployed (AI_TRIAGE on): a conversation a customer starts is not routed at once but after its first
 * message is classified; a confident classification assigns it (recorded as an auto-assignment), one under the
 * account's threshold leaves it for an agent to pick.
 */
class TriageRoutingIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with("AI_TRIAGE", "true");

    @Test
    void a_confident_first_message_routes_the_conversation_once_classified() {
        var tenant = Fixtures.tenant(app, "Triage confident");
        long acct = tenant.accountId();
        long agent = AiFixtures.onlineAgent(app, acct);
        threshold(tenant, 0.0);

        long conversation = start(acct, "I was charged twice for my subscription this month, please refund one");

        await("classified and assigned", () -> Long.valueOf(agent).equals(assignee(app, acct, conversation)));
        // The triage records its auto-assignment just after routing commits it.
        await(
                "the triage recorded the auto-assignment",
                () -> value(
                                app,
                                acct,
                                "select count(*) from ai_classifications where account_id = ? and conversation_id = ?"
                                        + " and source = 'pipeline' and auto_assigned and suggested_agent_id = ?",
                                acct,
                                conversation,
                                agent)
                        == 1);
    }

    @Test
    void an_unsure_first_message_leaves_the_conversation_for_an_agent() {
        var tenant = Fixtures.tenant(app, "Triage unsure");
        long acct = tenant.accountId();
        AiFixtures.onlineAgent(app, acct);
        threshold(tenant, 1.0);

        long conversation = start(acct, "hello?");

        await(
                "classified",
                () -> value(
                                app,
                                acct,
                                "select count(*) from ai_classifications where account_id = ? and conversation_id = ?",
                                acct,
                                conversation)
                        == 1);
        assertThat(assignee(app, acct, conversation))
                .as("an online agent had room, yet nobody is assigned")
                .isNull();
    }

    private static long start(long acct, String content) {
        var inbox = "/api/public/inboxes/inbox-" + UUID.randomUUID();
        AiFixtures.execute(
                app,
                acct,
                "insert into inboxes (account_id, name, public_id) values (?, 'Web', ?)",
                acct,
                inbox.substring(inbox.lastIndexOf('/') + 1));
        var contact = app.post(inbox + "/contacts", Map.of("name", "Customer"), null);
        assertThat(contact.status()).as(contact.text()).isEqualTo(201);
        var started = app.post(
                inbox + "/conversations",
                Map.of("content", content),
                contact.json().get("contactToken").asText());
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return started.json().get("conversationId").asLong();
    }

    private static void threshold(Fixtures.Tenant tenant, double value) {
        var put = app.send(app.request("/api/ai/settings", tenant.token())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"confidenceThreshold\":" + value + "}")));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
    }
}
