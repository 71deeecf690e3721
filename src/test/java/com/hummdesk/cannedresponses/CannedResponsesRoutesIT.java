package com.hummdesk.cannedresponses;

import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CannedResponsesRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static long create(String token, String shortCode, String content) {
        var response = app.post("/api/canned-responses", Map.of("shortCode", shortCode, "content", content), token);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    @Test
    void an_owner_manages_canned_responses_and_agents_find_them_by_shortcut() {
        var tenant = Fixtures.tenant(app, "Canned");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long id = create(tenant.token(), "refund", "We have refunded your payment.");

        var found = app.get("/api/canned-responses/shortcut/refund", agent.token());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asLong()).isEqualTo(id);
        assertThat(found.json().get("content").asText()).isEqualTo("We have refunded your payment.");
        assertThat(found.json().get("shortCode").asText()).isEqualTo("refund");
        assertThat(app.get("/api/canned-responses/shortcut/refun", agent.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/canned-responses/" + id, agent.token()).status())
                .isEqualTo(200);

        var changed = app.patch(
                "/api/canned-responses/" + id, Map.of("content", "Your refund is on its way."), tenant.token());
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("shortCode").asText()).isEqualTo("refund");
        assertThat(changed.json().get("content").asText()).isEqualTo("Your refund is on its way.");
        var renamed = app.patch("/api/canned-responses/" + id, Map.of("shortCode", "refund-done"), tenant.token());
        assertThat(renamed.json().get("content").asText()).isEqualTo("Your refund is on its way.");
        assertThat(app.get("/api/canned-responses/shortcut/refund-done", agent.token())
                        .status())
                .isEqualTo(200);

        assertThat(app.delete("/api/canned-responses/" + id, tenant.token()).status())
                .isEqualTo(204);
        assertThat(app.get("/api/canned-responses/shortcut/refund-done", agent.token())
                        .status())
                .isEqualTo(404);
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "canned_response.created"))
                .hasSize(1);
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "canned_response.updated"))
                .hasSize(2);
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "canned_response.deleted"))
                .hasSize(1);
    }

    @Test
    void agents_may_not_create_change_or_delete() {
        var tenant = Fixtures.tenant(app, "Cannedagent");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long id = create(tenant.token(), "hello", "Hello!");
        for (var response : new TestApp.Response[] {
            app.post("/api/canned-responses", Map.of("shortCode", "x", "content", "y"), agent.token()),
            app.patch("/api/canned-responses/" + id, Map.of("content", "changed"), agent.token()),
            app.delete("/api/canned-responses/" + id, agent.token())
        }) {
            assertThat(response.status()).as(response.text()).isEqualTo(403);
            assertThat(errorCode(response)).isEqualTo("forbidden");
        }
        assertThat(app.get("/api/canned-responses/" + id, agent.token())
                        .json()
                        .get("content")
                        .asText())
                .isEqualTo("Hello!");
    }

    @Test
    void search_matches_short_code_prefixes_first_then_content() {
        var tenant = Fixtures.tenant(app, "Cannedsearch");
        create(tenant.token(), "ship-delay", "Your parcel is delayed.");
        create(tenant.token(), "shipping", "Shipping takes three days.");
        create(tenant.token(), "thanks", "Thanks for your patience while we ship it.");
        create(tenant.token(), "percent", "You get 100% of your money back.");
        create(tenant.token(), "a_b", "Underscore code.");

        var ship = app.get("/api/canned-responses?search=ship", tenant.token()).json();
        assertThat(ship.get("cannedResponses").findValuesAsText("shortCode"))
                .containsExactly("ship-delay", "shipping", "thanks");
        assertThat(ship.at("/pagination/total").asLong()).isEqualTo(3);

        var content =
                app.get("/api/canned-responses?search=PATIENCE", tenant.token()).json();
        assertThat(content.get("cannedResponses").findValuesAsText("shortCode")).containsExactly("thanks");

        // Wildcards are literal text.
        assertThat(app.get("/api/canned-responses?search=%25", tenant.token())
                        .json()
                        .get("cannedResponses")
                        .findValuesAsText("shortCode"))
                .containsExactly("percent");
        assertThat(app.get("/api/canned-responses?search=a_", tenant.token())
                        .json()
                        .get("cannedResponses")
                        .findValuesAsText("shortCode"))
                .containsExactly("a_b");

        var all = app.get("/api/canned-responses?pageSize=2&page=3", tenant.token())
                .json();
        assertThat(all.at("/pagination/total").asLong()).isEqualTo(5);
        assertThat(all.get("cannedResponses").findValuesAsText("shortCode")).containsExactly("thanks");
        assertThat(app.get("/api/canned-responses?search=" + "x".repeat(201), tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.get("/api/canned-responses?pageSize=500", tenant.token()).status())
                .isEqualTo(400);
    }

    @Test
    void duplicate_short_codes_are_409() {
        var tenant = Fixtures.tenant(app, "Canneddup");
        create(tenant.token(), "greet", "Hi");
        long other = create(tenant.token(), "bye", "Bye");
        var duplicate =
                app.post("/api/canned-responses", Map.of("shortCode", "greet", "content", "Hey"), tenant.token());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(errorCode(duplicate)).isEqualTo("short_code_taken");
        assertThat(app.patch("/api/canned-responses/" + other, Map.of("shortCode", "greet"), tenant.token())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void invalid_short_codes_and_content_are_rejected() {
        var tenant = Fixtures.tenant(app, "Cannedbad");
        for (var code : new String[] {"Hello", "with space", "", "a".repeat(51), "ä"}) {
            var response =
                    app.post("/api/canned-responses", Map.of("shortCode", code, "content", "text"), tenant.token());
            assertThat(response.status()).as(code).isEqualTo(422);
            assertThat(response.json().at("/error/details/fields").has("shortCode"))
                    .isTrue();
        }
        var noContent = app.post("/api/canned-responses", Map.of("shortCode", "ok"), tenant.token());
        assertThat(noContent.status()).isEqualTo(422);
        assertThat(noContent.json().at("/error/details/fields").has("content")).isTrue();

        var huge = app.post(
                "/api/canned-responses", Map.of("shortCode", "big", "content", "x".repeat(10_001)), tenant.token());
        assertThat(huge.status()).isEqualTo(413);
        assertThat(errorCode(huge)).isEqualTo("content_too_large");
        assertThat(app.post(
                                "/api/canned-responses",
                                Map.of("shortCode", "max", "content", "x".repeat(10_000)),
                                tenant.token())
                        .status())
                .isEqualTo(201);
        assertThat(app.postRaw("/api/canned-responses", "{\"shortCode\": [1]}", tenant.token())
                        .status())
                .isEqualTo(400);
    }
}
