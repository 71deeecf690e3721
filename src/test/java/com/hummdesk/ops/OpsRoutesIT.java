package com.hummdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpsRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with("REDIS_URL", "redis://127.0.0.1:6379");

    @Test
    void health_reports_database_redis_and_ai() {
        var health = app.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().get("checks").get("database").asText()).isEqualTo("ok");
        assertThat(health.json().get("checks").get("redis").asText()).isEqualTo("ok");
        assertThat(health.json().get("checks").get("ai").asText()).isEqualTo("ok");
    }

    @Test
    void metrics_expose_http_timings_by_route_jvm_and_pool() {
        Fixtures.login(app, "nobody@example.test", "x-password");
        var metrics = app.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text())
                .contains(
                        "http_server_requests_seconds_count{method=\"POST\",route=\"/api/auth/login\",status=\"401\"}")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections");
    }

    @Test
    void openapi_documents_every_route_and_swagger_ui_is_served() {
        var doc = app.get("/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        var paths = new ArrayList<String>();
        doc.json().get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/auth/login", "/api/auth/refresh", "/api/auth/me", "/health", "/metrics");
        assertThat(doc.json().get("components").get("schemas").has("ErrorBody")).isTrue();
        assertThat(doc.json()
                        .at("/paths/~1api~1auth~1login/post/requestBody/content/application~1json/schema")
                        .toString())
                .contains("LoginRequest");

        var ui = app.get("/docs", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger-ui");
        assertThat(app.get("/docs/swagger-ui/swagger-ui-bundle.js", null).status())
                .isEqualTo(200);
    }

    @Test
    void every_response_carries_a_request_id_and_a_sane_incoming_one_is_kept() {
        assertThat(app.get("/health", null).header("X-Request-Id")).isNotBlank();
        var response = app.send(app.request("/health", null).header("X-Request-Id", "trace-12345678"));
        assertThat(response.header("X-Request-Id")).isEqualTo("trace-12345678");
    }
}
