package com.hummdesk.ai.pipeline;

import static com.hummdesk.ai.pipeline.AiFixtures.value;
import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /api/ai: classify now, settings, categories, stats, and learning from an agent's category correction. */
class AiApiIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static long message(long acct, long conversation, String text) {
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

    private static long conversation(long acct) {
        return AiFixtures.conversation(app, AiFixtures.customer(app, acct));
    }

    private static TestApp.Response put(String path, String json, String token) {
        return app.send(app.request(path, token).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode classify(String token, long messageId) {
        var response = app.post("/api/ai/classify", Map.of("messageId", messageId), token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("classification");
    }

    private static List<String> names(JsonNode categories) {
        return StreamSupport.stream(categories.get("categories").spliterator(), false)
                .map(c -> c.get("name").asText())
                .toList();
    }

    @Test
    void classify_answers_in_the_seed_shape_and_keeps_a_manual_record() {
        var tenant = Fixtures.tenant(app, "Shape");
        long acct = tenant.accountId();
        long conversation = conversation(acct);
        long messageId = message(acct, conversation, "My credit card payment failed and now I'm locked out");

        var c = classify(tenant.token(), messageId);

        assertThat(c.fieldNames())
                .toIterable()
                .contains("category", "priority", "sentiment", "language", "confidence", "reasoning", "provider");
        assertThat(c.get("category").asText()).isIn("billing", "technical", "sales", "general");
        assertThat(c.get("priority").asText()).isIn("low", "normal", "high", "urgent");
        assertThat(c.get("sentiment").asText()).isIn("positive", "neutral", "negative", "frustrated");
        assertThat(c.get("language").asText()).isEqualTo("en");
        assertThat(c.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(c.get("provider").asText()).isEqualTo("local");
        assertThat(value(
                        app,
                        acct,
                        "select count(*) from ai_classifications where account_id = ? and message_id = ?"
                                + " and source = 'manual' and requested_by = ?",
                        acct,
                        messageId,
                        tenant.ownerId()))
                .isEqualTo(1);
        // The conversation is left as it is.
        assertThat(value(
                        app,
                        acct,
                        "select count(*) from conversations where account_id = ? and id = ? and ai_category is null",
                        acct,
                        conversation))
                .isEqualTo(1);
        assertThat(app.get("/api/ai/stats", tenant.token())
                        .json()
                        .get("manualClassifications")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void another_accounts_message_is_not_found_and_bad_input_is_a_400() {
        var owner = Fixtures.tenant(app, "Owner");
        var other = Fixtures.tenant(app, "Other");
        long messageId = message(owner.accountId(), conversation(owner.accountId()), "Where is my invoice?");

        var foreign = app.post("/api/ai/classify", Map.of("messageId", messageId), other.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(errorCode(foreign)).isEqualTo("not_found");
        assertThat(app.post("/api/ai/classify", Map.of("messageId", 999_999_999L), owner.token())
                        .status())
                .isEqualTo(404);
        for (var bad : List.of("{}", "{\"messageId\":\"abc\"}", "not json", "[1]", "")) {
            var response = app.postRaw("/api/ai/classify", bad, owner.token());
            assertThat(response.status()).as(bad + " -> " + response.text()).isEqualTo(400);
            errorCode(response);
        }
        assertThat(app.post("/api/ai/classify", Map.of("messageId", messageId), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void settings_have_defaults_validate_and_are_for_admins_to_change() {
        var tenant = Fixtures.tenant(app, "Settings");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);

        var defaults = app.get("/api/ai/settings", agent.token());
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.json().get("confidenceThreshold").asDouble()).isEqualTo(0.85);
        assertThat(defaults.json().get("provider").isNull()).isTrue();
        assertThat(defaults.json().get("effectiveProvider").asText()).isEqualTo("local");
        assertThat(defaults.json().get("availableLanguages").toString()).contains("\"en\"", "\"fi\"");

        var invalid = put(
                "/api/ai/settings",
                "{\"provider\":\"nope\",\"confidenceThreshold\":1.5,\"languages\":[\"xx\"]}",
                tenant.token());
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().at("/error/details/fields").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("provider", "confidenceThreshold", "languages");
        assertThat(put("/api/ai/settings", "{\"confidenceThreshold\":\"high\"}", tenant.token())
                        .status())
                .isEqualTo(400);
        var forbidden = put("/api/ai/settings", "{\"confidenceThreshold\":0.5}", agent.token());
        assertThat(forbidden.status()).isEqualTo(403);

        var saved = put(
                "/api/ai/settings",
                "{\"provider\":\"local\",\"confidenceThreshold\":0.7,\"languages\":[\"FI\",\"en\"],"
                        + "\"policies\":\"Never promise refunds.\"}",
                tenant.token());
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var read = app.get("/api/ai/settings", agent.token()).json();
        assertThat(read.get("provider").asText()).isEqualTo("local");
        assertThat(read.get("confidenceThreshold").asDouble()).isEqualTo(0.7);
        assertThat(read.get("languages").toString()).isEqualTo("[\"fi\",\"en\"]");
        assertThat(read.get("policies").asText()).isEqualTo("Never promise refunds.");

        var reset = put("/api/ai/settings", "{\"provider\":null}", tenant.token());
        assertThat(reset.json().get("provider").isNull()).isTrue();
        assertThat(reset.json().get("confidenceThreshold").asDouble()).isEqualTo(0.7);
    }

    @Test
    void categories_start_with_the_defaults_and_validate_changes() {
        var tenant = Fixtures.tenant(app, "Categories");
        var other = Fixtures.tenant(app, "Elsewhere");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long team = value(
                app,
                tenant.accountId(),
                "insert into teams (account_id, name) values (?, 'Shipping') returning id",
                tenant.accountId());
        long foreignTeam = value(
                app,
                other.accountId(),
                "insert into teams (account_id, name) values (?, 'Theirs') returning id",
                other.accountId());

        var list = app.get("/api/ai/categories", agent.token());
        assertThat(names(list.json())).containsExactly("billing", "general", "sales", "technical");
        assertThat(list.json().at("/categories/0/examples").size()).isGreaterThanOrEqualTo(3);

        var bad = app.post(
                "/api/ai/categories", Map.of("name", "Bad Name!", "examples", List.of("", "ok")), tenant.token());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().at("/error/details/fields").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("name", "examples");
        assertThat(app.post("/api/ai/categories", Map.of("name", "billing"), tenant.token())
                        .status())
                .isEqualTo(409);
        assertThat(app.post("/api/ai/categories", Map.of("name", "shipping", "teamId", foreignTeam), tenant.token())
                        .status())
                .isEqualTo(422);
        assertThat(app.post("/api/ai/categories", Map.of("name", "shipping"), agent.token())
                        .status())
                .isEqualTo(403);

        var created = app.post(
                "/api/ai/categories",
                Map.of(
                        "name",
                        "Shipping",
                        "description",
                        "Deliveries and parcels",
                        "teamId",
                        team,
                        "examples",
                        List.of("Where is my parcel?", "The delivery is late")),
                tenant.token());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("name").asText()).isEqualTo("shipping");
        assertThat(created.json().get("teamId").asLong()).isEqualTo(team);
        assertThat(created.json().get("examples").size()).isEqualTo(2);

        var patched = app.patch(
                "/api/ai/categories/" + id, Map.of("examples", List.of("My package never arrived")), tenant.token());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().at("/examples/0/text").asText()).isEqualTo("My package never arrived");
        assertThat(patched.json().get("teamId").asLong()).isEqualTo(team);
        var cleared = app.patch("/api/ai/categories/" + id, "{\"teamId\":null}", tenant.token());
        assertThat(cleared.json().get("teamId").isNull()).isTrue();

        assertThat(app.get("/api/ai/categories/" + id, other.token()).status()).isEqualTo(404);
        assertThat(app.delete("/api/ai/categories/" + id, other.token()).status())
                .isEqualTo(404);
        assertThat(app.delete("/api/ai/categories/" + id, tenant.token()).status())
                .isEqualTo(204);
        assertThat(app.get("/api/ai/categories/" + id, tenant.token()).status()).isEqualTo(404);
    }

    @Test
    void an_agents_correction_teaches_the_next_classification() {
        var tenant = Fixtures.tenant(app, "Learning");
        long acct = tenant.accountId();
        long conversation = conversation(acct);
        var text = "The courier left my parcel with the neighbour at number twelve";
        long first = message(acct, conversation, text);
        app.app().ai().classifyNow(acct, first);
        var before = classify(tenant.token(), message(acct, conversation(acct), text + " again"));
        var target = before.get("category").asText().equals("sales") ? "billing" : "sales";

        var unknown = app.patch("/api/conversations/" + conversation, Map.of("category", "nope"), tenant.token());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/error/details/fields/category").asText()).contains("billing");

        var corrected = app.patch("/api/conversations/" + conversation, Map.of("category", target), tenant.token());
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);

        var examples = new ArrayList<String>();
        for (var category : app.get("/api/ai/categories", tenant.token()).json().get("categories")) {
            if (category.get("name").asText().equals(target)) {
                category.get("examples").forEach(e -> {
                    if (e.get("source").asText().equals("correction")) {
                        examples.add(e.get("text").asText() + "#"
                                + e.get("messageId").asLong());
                    }
                });
            }
        }
        assertThat(examples).containsExactly(text + "#" + first);
        var after = classify(tenant.token(), message(acct, conversation(acct), text + " again"));
        assertThat(after.get("category").asText()).isEqualTo(target);
        assertThat(before.get("category").asText()).isNotEqualTo(target);

        var stats = app.get("/api/ai/stats", tenant.token()).json();
        assertThat(stats.get("classified").asLong()).isEqualTo(1);
        assertThat(stats.get("corrected").asLong()).isEqualTo(1);
        assertThat(stats.get("correctedRate").asDouble()).isEqualTo(1.0);
        assertThat(stats.get("corrections").asLong()).isEqualTo(1);

        // The pipeline no longer overwrites the agent's category for this conversation.
        app.app().ai().classifyNow(acct, message(acct, conversation, "Thanks, and my invoice is wrong too"));
        assertThat(value(
                        app,
                        acct,
                        "select count(*) from conversations where account_id = ? and id = ? and ai_category = ?",
                        acct,
                        conversation,
                        target))
                .isEqualTo(1);
    }
}
