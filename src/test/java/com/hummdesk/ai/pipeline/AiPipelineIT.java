package com.hummdesk.ai.pipeline;

import static com.hummdesk.ai.pipeline.AiFixtures.assignee;
import static com.hummdesk.ai.pipeline.AiFixtures.await;
import static com.hummdesk.ai.pipeline.AiFixtures.onlineAgent;
import static com.hummdesk.ai.pipeline.AiFixtures.pipelineClassifications;
import static com.hummdesk.ai.pipeline.AiFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The classify job end to end, its idempotency, and the confidence gate in front of routing. */
class AiPipelineIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    static void runClassifyJobs() {
        // Test apps leave classify jobs queued unless a test runs them; this one runs them like production.
        app.app().ai().runJobsOn(app.app().jobs().worker());
    }

    private static final String CHARGED_TWICE = "I was charged twice for my subscription this month, please refund me";
    /** Could be about anything: the classifier is unsure. */
    private static final String VAGUE = "Hi, I need some help with something please";

    /** A customer message stored with SQL: no job, so only the test's own calls classify it. */
    private static long messageWithoutJob(long acct, long conversation, String text) {
        return value(
                app,
                acct,
                "insert into messages (account_id, conversation_id, message_type, sender_type, sender_id, content)"
                        + " select account_id, id, 'incoming', 'contact', contact_id, ? from conversations"
                        + " where account_id = ? and id = ? returning id",
                text,
                acct,
                conversation);
    }

    private static void threshold(Fixtures.Tenant tenant, double value) {
        var put = app.send(app.request("/api/ai/settings", tenant.token())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"confidenceThreshold\":" + value + "}")));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
    }

    @Test
    void a_customer_message_is_classified_recorded_on_its_conversation_and_announced() {
        var events = new CopyOnWriteArrayList<ConversationClassified>();
        app.app().events().subscribe(ConversationClassified.class, events::add);
        long acct = Fixtures.tenant(app, "E2E").accountId();
        var customer = AiFixtures.customer(app, acct);
        long conversation = AiFixtures.conversation(app, customer);

        long messageId = AiFixtures.write(app, customer, conversation, "The app crashes with error 500, it's urgent!");

        await("the worker classified it", () -> pipelineClassifications(app, acct, messageId) == 1);
        var row = app.app()
                .database()
                .inAccount(
                        acct,
                        tx -> tx.fetchOne(
                                "select ai_category, ai_sentiment, ai_language, ai_confidence, ai_reasoning, ai_provider, priority"
                                        + " from conversations where account_id = ? and id = ?",
                                acct,
                                conversation));
        assertThat(row.get("ai_category", String.class)).isEqualTo("technical");
        assertThat(row.get("ai_language", String.class)).isEqualTo("en");
        assertThat(row.get("ai_provider", String.class)).isEqualTo("local");
        assertThat(row.get("ai_reasoning", String.class)).isNotBlank();
        assertThat(row.get("priority", String.class)).isIn("high", "urgent");
        await("the event was published", () -> events.stream().anyMatch(e -> e.messageId() == messageId));
        var event = events.stream()
                .filter(e -> e.messageId() == messageId)
                .findFirst()
                .orElseThrow();
        assertThat(event.conversationId()).isEqualTo(conversation);
        assertThat(event.category()).isEqualTo("technical");
        // The classification enqueued the draft job, which the drafts feature ran: a draft for this message.
        await(
                "the message was drafted",
                () -> AiFixtures.value(
                                app,
                                acct,
                                "select count(*) from ai_drafts where account_id = ? and message_id = ?"
                                        + " and conversation_id = ? and origin = 'pipeline'",
                                acct,
                                messageId,
                                conversation)
                        == 1);
        await("the classify job is done", () -> AiFixtures.jobs(app, acct, "ai.classify") == 0);
    }

    @Test
    void a_job_that_runs_again_stores_one_classification_and_one_draft_job() throws Exception {
        long acct = Fixtures.tenant(app, "Twice").accountId();
        var customer = AiFixtures.customer(app, acct);
        long conversation = AiFixtures.conversation(app, customer);
        long messageId = messageWithoutJob(acct, conversation, CHARGED_TWICE);

        try (var pool = Executors.newFixedThreadPool(3)) {
            var runs = List.of(
                    pool.submit(() -> app.app().ai().classifyNow(acct, messageId)),
                    pool.submit(() -> app.app().ai().classifyNow(acct, messageId)),
                    pool.submit(() -> app.app().ai().classifyNow(acct, messageId)));
            for (var run : runs) {
                run.get();
            }
        }
        app.app().ai().classifyNow(acct, messageId);

        assertThat(pipelineClassifications(app, acct, messageId)).isEqualTo(1);
        // One draft job, which the drafts feature runs: one draft for the message and no job left.
        AiFixtures.await(
                "the one draft job ran",
                () -> AiFixtures.jobs(app, acct, "ai.draft") == 0
                        && AiFixtures.value(
                                        app,
                                        acct,
                                        "select count(*) from ai_drafts where account_id = ? and message_id = ?",
                                        acct,
                                        messageId)
                                == 1);
    }

    @Test
    void a_confident_classification_assigns_an_unassigned_conversation() {
        var tenant = Fixtures.tenant(app, "Confident");
        long acct = tenant.accountId();
        long agent = onlineAgent(app, acct);
        double confidence = confidenceOf(tenant, CHARGED_TWICE);
        threshold(tenant, Math.max(0, confidence - 0.01));
        var customer = AiFixtures.customer(app, acct);
        long conversation = AiFixtures.conversation(app, customer);

        app.app().ai().classifyNow(acct, messageWithoutJob(acct, conversation, CHARGED_TWICE));

        assertThat(assignee(app, acct, conversation)).isEqualTo(agent);
        assertThat(value(
                        app,
                        acct,
                        "select suggested_agent_id from ai_classifications where account_id = ? and conversation_id = ?"
                                + " and source = 'pipeline' and auto_assigned",
                        acct,
                        conversation))
                .isEqualTo(agent);
        var stats = app.get("/api/ai/stats", tenant.token()).json();
        assertThat(stats.get("autoAssigned").asLong()).isEqualTo(1);
        assertThat(stats.get("classified").asLong()).isEqualTo(1);
    }

    @Test
    void a_classification_below_the_threshold_leaves_the_conversation_unassigned() {
        var tenant = Fixtures.tenant(app, "Unsure");
        long acct = tenant.accountId();
        onlineAgent(app, acct);
        double confidence = confidenceOf(tenant, VAGUE);
        assertThat(confidence).isLessThan(0.99);
        threshold(tenant, confidence + 0.01);
        var customer = AiFixtures.customer(app, acct);
        long conversation = AiFixtures.conversation(app, customer);

        app.app().ai().classifyNow(acct, messageWithoutJob(acct, conversation, VAGUE));

        assertThat(value(
                        app,
                        acct,
                        "select count(*) from ai_classifications where account_id = ? and conversation_id = ?"
                                + " and source = 'pipeline' and not auto_assigned",
                        acct,
                        conversation))
                .isEqualTo(1);
        assertThat(assignee(app, acct, conversation)).isNull();
    }

    @Test
    void an_assigned_conversation_keeps_its_assignee_however_confident() {
        var tenant = Fixtures.tenant(app, "Taken");
        long acct = tenant.accountId();
        long first = onlineAgent(app, acct);
        onlineAgent(app, acct);
        threshold(tenant, 0);
        var customer = AiFixtures.customer(app, acct);
        long conversation = AiFixtures.conversation(app, customer);
        AiFixtures.execute(
                app,
                acct,
                "update conversations set assignee_id = ? where account_id = ? and id = ?",
                first,
                acct,
                conversation);

        app.app().ai().classifyNow(acct, messageWithoutJob(acct, conversation, CHARGED_TWICE));

        assertThat(assignee(app, acct, conversation)).isEqualTo(first);
        assertThat(value(
                        app,
                        acct,
                        "select count(*) from ai_classifications where account_id = ? and auto_assigned",
                        acct))
                .isZero();
    }

    private static double confidenceOf(Fixtures.Tenant tenant, String text) {
        var customer = AiFixtures.customer(app, tenant.accountId());
        long conversation = AiFixtures.conversation(app, customer);
        long messageId = messageWithoutJob(tenant.accountId(), conversation, text);
        var response = app.post("/api/ai/classify", Map.of("messageId", messageId), tenant.token());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("classification").get("confidence").asDouble();
    }
}
