package com.hummdesk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.http.Json;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat widget runs on customers' own sites, so the browser calls the public inbox API cross-origin: that API
 * answers CORS for any origin (without credentials), and the agent API (no CORS_ORIGIN configured here) does not.
 */
class PublicApiCorsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final String SHOP = "https://shop.example.com";
    private static ConversationFixtures.Inbox inbox;
    private static Fixtures.Tenant tenant;

    @BeforeAll
    static void inbox() {
        tenant = Fixtures.tenant(app, "Corsica");
        inbox = ConversationFixtures.inbox(app, tenant.accountId());
    }

    private static TestApp.Response preflight(String path, String method, String headers) {
        return app.send(app.request(path, null)
                .header("Origin", SHOP)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static String header(TestApp.Response response, String name) {
        return response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> String.join(",", e.getValue()))
                .findFirst()
                .orElse(null);
    }

    @Test
    void a_preflight_to_the_public_api_from_any_site_is_allowed_without_credentials() {
        var response = preflight(inbox.path() + "/conversations", "POST", "authorization,content-type,idempotency-key");

        assertThat(response.status()).isBetween(200, 204);
        assertThat(header(response, "Access-Control-Allow-Origin")).isIn("*", SHOP);
        assertThat(header(response, "Access-Control-Allow-Methods")).containsIgnoringCase("POST");
        assertThat(header(response, "Access-Control-Allow-Headers"))
                .containsIgnoringCase("authorization")
                .containsIgnoringCase("idempotency-key");
        assertThat(header(response, "Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void a_cross_origin_request_to_the_public_api_gets_its_answer_readable() {
        var opened = app.send(app.request(inbox.path() + "/contacts", null)
                .header("Origin", SHOP)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Widget User\"}")));

        assertThat(opened.status()).isEqualTo(201);
        assertThat(header(opened, "Access-Control-Allow-Origin")).isIn("*", SHOP);
        assertThat(header(opened, "Access-Control-Allow-Credentials")).isNull();
        assertThat(opened.json().get("contactToken").asText()).isNotBlank();
    }

    @Test
    void the_agent_api_gives_no_cors_to_other_sites() throws Exception {
        var preflight = preflight("/api/conversations", "GET", "authorization");
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isNull();

        for (var path : List.of("/api/conversations", "/api/auth/me")) {
            var response = app.send(
                    app.request(path, tenant.token()).header("Origin", SHOP).GET());
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(header(response, "Access-Control-Allow-Origin")).as(path).isNull();
        }
        var login = app.send(app.request("/api/auth/login", null)
                .header("Origin", SHOP)
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper()
                        .writeValueAsString(Map.of("email", tenant.ownerEmail(), "password", Fixtures.PASSWORD)))));
        assertThat(login.status()).isEqualTo(200);
        assertThat(header(login, "Access-Control-Allow-Origin")).isNull();
    }
}
