package com.hummdesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.ai.KnowledgePassage;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drafts against the real application and database. The knowledge base is not on this branch: a stand-in retriever
 * hands out passages per account (the end-to-end test with the real search comes with the merge).
 */
class DraftsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final KnowledgePassage RESET = new KnowledgePassage(
            11,
            101,
            "Reset your password",
            "If you forgot your password, open the sign-in page and choose Forgot password. "
                    + "We email you a reset link that works for 30 minutes.",
            0.8);

    /** Stand-in for the knowledge base: each account's passages, and which accounts were searched. */
    static final Map<Long, List<KnowledgePassage>> KNOWLEDGE = new ConcurrentHashMap<>();

    static final List<Long> SEARCHED = new CopyOnWriteArrayList<>();
    static final List<DraftGenerated> EVENTS = new CopyOnWriteArrayList<>();

    static Fixtures.Tenant acme;
    static Fixtures.Tenant globex;

    @BeforeAll
    static void setUp() {
        app.app().drafts().retrieveWith((accountId, query, limit) -> {
            SEARCHED.add(accountId);
            return KNOWLEDGE.getOrDefault(accountId, List.of());
        });
        app.app().events().subscribe(DraftGenerated.class, EVENTS::add);
        acme = Fixtures.tenant(app, "Acme");
        globex = Fixtures.tenant(app, "Globex");
        KNOWLEDGE.put(acme.accountId(), List.of(RESET));
    }

    record Conversation(long accountId, long id, long messageId, String inboxPath, String customerToken) {}

    static Conversation conversation(Fixtures.Tenant tenant, String content) {
        var publicId = "inbox-" + UUID.randomUUID();
        sql(
                tenant.accountId(),
                "insert into inboxes (account_id, name, public_id) values (?, ?, ?) returning id",
                tenant.accountId(),
                "Support",
                publicId);
        var path = "/api/public/inboxes/" + publicId;
        var contact = new HashMap<String, Object>();
        contact.put("name", "Customer");
        contact.put("email", "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        var created = app.post(path + "/contacts", contact, null);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var token = created.json().get("contactToken").asText();
        var started = app.post(path + "/conversations", Map.of("content", content), token);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long id = started.json().get("conversationId").asLong();
        long messageId = sql(
                tenant.accountId(),
                "select max(id) from messages where account_id = ? and conversation_id = ?",
                tenant.accountId(),
                id);
        return new Conversation(tenant.accountId(), id, messageId, path, token);
    }

    static void enqueueDraftJob(Conversation c) {
        app.app().database().runInAccount(c.accountId(), tx -> app.app()
                .jobs()
                .queue()
                .enqueue(tx, c.accountId(), "ai.draft", Map.of("conversationId", c.id(), "messageId", c.messageId())));
    }

    static long drafts(Conversation c) {
        return sql(
                c.accountId(),
                "select count(*) from ai_drafts where account_id = ? and conversation_id = ?",
                c.accountId(),
                c.id());
    }

    static long pendingJobs(long accountId) {
        return sql(accountId, "select count(*) from jobs where account_id = ? and type = 'ai.draft'", accountId);
    }

    static long sql(long accountId, String sql, Object... binds) {
        return app.app().database().inAccount(accountId, tx -> {
            var row = tx.fetchOne(sql, binds);
            return row == null || row.get(0) == null ? 0L : row.get(0, Long.class);
        });
    }

    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static JsonNode list(Fixtures.Tenant tenant, long conversationId) {
        var response = app.get("/api/ai/drafts?conversationId=" + conversationId, tenant.token());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("drafts");
    }

    @Test
    void the_job_stores_one_grounded_draft_announces_it_and_sends_nothing() {
        var c = conversation(acme, "I forgot my password. How can I reset it?");
        long messagesBefore = sql(
                c.accountId(),
                "select count(*) from messages where account_id = ? and conversation_id = ?",
                c.accountId(),
                c.id());

        enqueueDraftJob(c);
        eventually("the draft is stored", () -> drafts(c) == 1);

        var drafts = list(acme, c.id());
        assertThat(drafts).hasSize(1);
        var draft = drafts.get(0);
        assertThat(draft.get("messageId").asLong()).isEqualTo(c.messageId());
        assertThat(draft.get("origin").asText()).isEqualTo("pipeline");
        assertThat(draft.get("status").asText()).isEqualTo("pending");
        assertThat(draft.get("content").asText()).contains("choose Forgot password");
        assertThat(draft.get("citedArticleIds")).extracting(JsonNode::asLong).containsExactly(11L);
        assertThat(draft.get("provider").asText()).isEqualTo("local");
        assertThat(draft.get("confidence").asDouble()).isGreaterThan(0.5);
        assertThat(draft.get("reasoning").asText()).contains("article 11");

        eventually("the event is published", () -> EVENTS.stream().anyMatch(e -> e.conversationId() == c.id()));
        var event = EVENTS.stream().filter(e -> e.conversationId() == c.id()).toList();
        assertThat(event).hasSize(1);
        assertThat(event.getFirst().draftId()).isEqualTo(draft.get("id").asLong());
        assertThat(event.getFirst().accountId()).isEqualTo(acme.accountId());
        assertThat(sql(
                        c.accountId(),
                        "select count(*) from messages where account_id = ? and conversation_id = ?",
                        c.accountId(),
                        c.id()))
                .as("a draft is never sent on its own")
                .isEqualTo(messagesBefore);
    }

    @Test
    void the_job_twice_still_stores_one_draft() {
        var c = conversation(acme, "Password reset link please, I forgot my password");
        enqueueDraftJob(c);
        enqueueDraftJob(c);
        eventually("both jobs ran", () -> pendingJobs(c.accountId()) == 0 && drafts(c) >= 1);
        enqueueDraftJob(c);
        eventually("the third job ran", () -> pendingJobs(c.accountId()) == 0);

        assertThat(drafts(c)).isEqualTo(1);
        assertThat(EVENTS.stream().filter(e -> e.conversationId() == c.id())).hasSize(1);
    }

    @Test
    void without_a_relevant_passage_the_draft_hands_over_with_low_confidence() {
        var c = conversation(acme, "Can I get a refund for my annual subscription after cancelling it?");
        sql(
                c.accountId(),
                "update conversations set ai_category = 'billing', ai_sentiment = 'neutral', ai_language = 'sv',"
                        + " ai_confidence = 0.9 where account_id = ? and id = ? returning id",
                c.accountId(),
                c.id());
        enqueueDraftJob(c);
        eventually("the draft is stored", () -> drafts(c) == 1);

        var draft = list(acme, c.id()).get(0);
        assertThat(draft.get("citedArticleIds")).isEmpty();
        assertThat(draft.get("confidence").asDouble()).isLessThan(0.2);
        assertThat(draft.get("content").asText())
                .startsWith("Hej,")
                .contains("kollega")
                .doesNotContain("refund");
        assertThat(draft.get("reasoning").asText())
                .contains("No passage answers")
                .contains("'billing'");
    }

    @Test
    void regenerating_drafts_the_latest_customer_message_synchronously() {
        var c = conversation(acme, "Hello");
        var later = app.post(
                c.inboxPath() + "/conversations/" + c.id() + "/messages",
                Map.of("content", "I forgot my password, how do I reset it?"),
                c.customerToken());
        assertThat(later.status()).as(later.text()).isEqualTo(201);
        long latest = sql(
                c.accountId(),
                "select max(id) from messages where account_id = ? and conversation_id = ?",
                c.accountId(),
                c.id());

        var first = app.post("/api/ai/drafts", Map.of("conversationId", c.id()), acme.token());
        var second = app.post("/api/ai/drafts", Map.of("conversationId", c.id()), acme.token());

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().get("messageId").asLong()).isEqualTo(latest);
        assertThat(first.json().get("origin").asText()).isEqualTo("regenerated");
        assertThat(first.json().get("requestedBy").asLong()).isEqualTo(acme.ownerId());
        assertThat(first.json().get("citedArticleIds"))
                .extracting(JsonNode::asLong)
                .containsExactly(11L);
        assertThat(second.status()).isEqualTo(201);
        assertThat(list(acme, c.id()))
                .extracting(d -> d.get("id").asLong())
                .containsExactly(
                        second.json().get("id").asLong(), first.json().get("id").asLong());
        assertThat(EVENTS.stream().filter(e -> e.conversationId() == c.id())).hasSize(2);
    }

    @Test
    void regenerate_rejects_bad_input() {
        assertThat(app.post("/api/ai/drafts", Map.of(), acme.token()).status()).isEqualTo(422);
        assertThat(app.post("/api/ai/drafts", Map.of("conversationId", "abc"), acme.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.postRaw("/api/ai/drafts", "{not json", acme.token()).status())
                .isEqualTo(400);
        assertThat(app.post("/api/ai/drafts", Map.of("conversationId", 999_999_999), acme.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/ai/drafts", Map.of("conversationId", 1), null).status())
                .isEqualTo(401);

        var c = conversation(acme, "Hello there");
        sql(
                c.accountId(),
                "delete from messages where account_id = ? and conversation_id = ? returning id",
                c.accountId(),
                c.id());
        var none = app.post("/api/ai/drafts", Map.of("conversationId", c.id()), acme.token());
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("error").get("code").asText()).isEqualTo("no_customer_message");
    }

    @Test
    void listing_needs_a_conversation_of_the_account() {
        assertThat(app.get("/api/ai/drafts", acme.token()).status()).isEqualTo(400);
        assertThat(app.get("/api/ai/drafts?conversationId=x", acme.token()).status())
                .isEqualTo(400);
        assertThat(app.get("/api/ai/drafts?conversationId=999999999", acme.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void feedback_is_validated_recorded_once_and_counted_in_the_stats() {
        var tenant = Fixtures.tenant(app, "Initech");
        KNOWLEDGE.put(tenant.accountId(), List.of(RESET));
        var c = conversation(tenant, "I forgot my password, how do I reset it?");
        var ids = new long[4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = app.post("/api/ai/drafts", Map.of("conversationId", c.id()), tenant.token())
                    .json()
                    .get("id")
                    .asLong();
        }
        var path = "/api/ai/drafts/" + ids[0] + "/feedback";
        assertThat(app.post(path, Map.of(), tenant.token()).status()).isEqualTo(422);
        assertThat(app.post(path, Map.of("outcome", "loved"), tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.post(path, Map.of("outcome", "pending"), tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.post(path, Map.of("outcome", "edited"), tenant.token()).status())
                .isEqualTo(422);
        assertThat(app.post(path, Map.of("outcome", "edited", "finalText", "x".repeat(10_001)), tenant.token())
                        .status())
                .isEqualTo(422);
        assertThat(app.post(path, Map.of("outcome", 5), tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.post("/api/ai/drafts/999999999/feedback", Map.of("outcome", "accepted"), tenant.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/ai/drafts/abc/feedback", Map.of("outcome", "accepted"), tenant.token())
                        .status())
                .isEqualTo(404);

        var accepted = app.post(path, Map.of("outcome", "accepted"), tenant.token());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");
        assertThat(accepted.json().get("editDistance").asDouble()).isZero();
        assertThat(accepted.json().get("finalText").asText())
                .isEqualTo(accepted.json().get("content").asText());
        assertThat(accepted.json().get("feedbackBy").asLong()).isEqualTo(tenant.ownerId());
        var again = app.post(path, Map.of("outcome", "rejected"), tenant.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").get("code").asText()).isEqualTo("feedback_already_recorded");

        var original = accepted.json().get("content").asText();
        var edited = app.post(
                "/api/ai/drafts/" + ids[1] + "/feedback",
                Map.of("outcome", "EDITED", "finalText", original.replace("Best regards", "Cheers, Anna")),
                tenant.token());
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        double distance = edited.json().get("editDistance").asDouble();
        assertThat(distance).isGreaterThan(0).isLessThan(0.2);
        var rejected =
                app.post("/api/ai/drafts/" + ids[2] + "/feedback", Map.of("outcome", "rejected"), tenant.token());
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("editDistance").isNull()).isTrue();

        var stats = app.get("/api/ai/drafts/stats", tenant.token());
        assertThat(stats.status()).isEqualTo(200);
        var s = stats.json();
        assertThat(s.get("drafts").asLong()).isEqualTo(4);
        assertThat(s.get("withFeedback").asLong()).isEqualTo(3);
        assertThat(s.get("accepted").asLong()).isEqualTo(1);
        assertThat(s.get("edited").asLong()).isEqualTo(1);
        assertThat(s.get("rejected").asLong()).isEqualTo(1);
        assertThat(s.get("acceptanceRate").asDouble()).isEqualTo(0.3333);
        assertThat(s.get("editedRate").asDouble()).isEqualTo(0.3333);
        assertThat(s.get("meanEditDistance").asDouble())
                .isCloseTo(distance / 2, org.assertj.core.api.Assertions.within(0.001));

        var metrics = app.get("/metrics", null).text();
        assertThat(metrics)
                .contains("drafts_feedback_total{outcome=\"edited\"}")
                .contains("drafts_generated_total");
    }

    @Test
    void accounts_never_see_each_others_drafts() {
        var c = conversation(acme, "I forgot my password, please help me reset it");
        var draft = app.post("/api/ai/drafts", Map.of("conversationId", c.id()), acme.token());
        assertThat(draft.status()).isEqualTo(201);
        long draftId = draft.json().get("id").asLong();

        assertThat(app.get("/api/ai/drafts?conversationId=" + c.id(), globex.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/ai/drafts", Map.of("conversationId", c.id()), globex.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/ai/drafts/" + draftId + "/feedback", Map.of("outcome", "accepted"), globex.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/ai/drafts/stats", globex.token())
                        .json()
                        .get("drafts")
                        .asLong())
                .isZero();

        // Globex's own draft is written from Globex's knowledge only: it has none.
        var g = conversation(globex, "I forgot my password, please help me reset it");
        SEARCHED.clear();
        var own = app.post("/api/ai/drafts", Map.of("conversationId", g.id()), globex.token());
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("citedArticleIds")).isEmpty();
        assertThat(SEARCHED).containsOnly(globex.accountId());
        // And row-level security agrees: in Globex's scope, Acme's drafts do not exist.
        assertThat(sql(globex.accountId(), "select count(*) from ai_drafts")).isEqualTo(1);
    }
}
