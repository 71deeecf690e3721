package com.hummdesk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.TestApp;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input always gets a 4xx with {"error":{"code","message","details"}}, never a 500. */
class BadInputIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static void assertError(TestApp.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        var error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.has("details")).isTrue();
    }

    @Test
    void malformed_json_is_400() {
        assertError(app.postRaw("/api/auth/login", "{\"email\": ", null), 400, "invalid_json");
        assertError(app.postRaw("/api/auth/login", "", null), 400, "invalid_json");
        assertError(app.postRaw("/api/auth/login", "{} trailing", null), 400, "invalid_json");
    }

    @Test
    void wrong_types_are_400_naming_the_field() {
        var response = app.postRaw("/api/auth/login", "{\"email\": 42, \"password\": \"x\"}", null);
        assertError(response, 400, "invalid_type");
        assertThat(response.json().get("error").get("details").get("field").asText())
                .isEqualTo("email");
        assertError(app.postRaw("/api/auth/login", "[1,2]", null), 400, "invalid_type");
        assertError(app.postRaw("/api/auth/login", "\"text\"", null), 400, "invalid_type");
    }

    @Test
    void missing_fields_are_422() {
        assertError(app.postRaw("/api/auth/login", "{}", null), 422, "validation_failed");
    }

    @Test
    void unknown_routes_are_404_json() {
        assertError(app.get("/api/nothing-here", null), 404, "not_found");
        assertError(app.get("/definitely/not/here", null), 404, "not_found");
    }

    @Test
    void oversized_bodies_are_413() {
        var huge = "{\"email\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        // With "Expect: 100-continue", as a client sending megabytes should, the 413 arrives before the body is sent.
        // Without it the server answers and closes while the body is still arriving, and the connection can be reset
        // before the client reads the answer: a rare CI failure ("header parser received no bytes", session 9).
        var request = app.request("/api/auth/login", null)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(huge));
        var response = app.send(request);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text()).contains("payload_too_large");
    }
}
