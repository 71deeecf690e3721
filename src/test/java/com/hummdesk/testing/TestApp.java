package com.hummdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.App;
import com.hummdesk.platform.config.AppConfig;
import com.hummdesk.platform.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the real application (the production composition root) on a random port against a fresh database, for one
 * test class. Register with {@code @RegisterExtension static final TestApp app = new TestApp();}.
 */
public final class TestApp implements BeforeAllCallback, AfterAllCallback {
    /** The JWT secret of every test app, for tests that mint tokens themselves (expired ones, contact tokens). */
    public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

    private final Map<String, String> extraEnv = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final java.util.List<App> otherNodes = new java.util.ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private String database;
    private App app;

    public TestApp with(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabases.create();
        env.put("HUMMDESK_ENV", "test");
        env.put("PORT", "0");
        env.put("DATABASE_URL", url(TestDatabases.appUrl(database)));
        env.put("DATABASE_MIGRATION_URL", url(TestDatabases.ownerUrl(database)));
        env.put("MIGRATE_ON_START", "false");
        env.put("DATABASE_POOL_SIZE", "8");
        env.put("JWT_SECRET", JWT_SECRET);
        env.put("LOGIN_RATE_LIMIT_PER_MINUTE", "1000");
        // Routing tests control agents' availability directly; PresenceRoutingIT covers routing on heartbeats.
        env.put("ROUTING_PRESENCE", "declared");
        // Classify jobs wait for the tests that run them (background triage would race other features' tests);
        // TriageRoutingIT runs the app as deployed.
        env.put("AI_TRIAGE", "false");
        env.putAll(extraEnv);
        app = new App(AppConfig.from(env)).start();
    }

    /** Stops the app and starts a new one on the same port and database (a deploy, or a crash and restart). */
    public void restart() {
        int port = app.port();
        app.close();
        var sameEnv = new HashMap<>(env);
        sameEnv.put("PORT", Integer.toString(port));
        app = new App(AppConfig.from(sameEnv)).start();
    }

    /** Another HummDesk node on the same database, on a random port; closed with this extension. */
    public App startNode(Map<String, String> moreEnv) {
        var nodeEnv = new HashMap<>(env);
        nodeEnv.putAll(moreEnv);
        var node = new App(AppConfig.from(nodeEnv)).start();
        otherNodes.add(node);
        return node;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        otherNodes.forEach(App::close);
        if (app != null) {
            app.close();
        }
        if (database != null) {
            TestDatabases.drop(database);
        }
    }

    private static String url(com.hummdesk.platform.config.DatabaseUrl u) {
        return "postgresql://" + u.user() + ":" + u.password() + "@" + u.hostAndPort() + "/" + u.name();
    }

    public App app() {
        return app;
    }

    public String databaseName() {
        return database;
    }

    public String baseUrl() {
        return "http://localhost:" + app.port();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, Object body, String token) {
        return send(request(path, token).POST(publisher(body)));
    }

    public Response patch(String path, Object body, String token) {
        return send(request(path, token).method("PATCH", publisher(body)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** Sends a raw body as-is (for malformed-input tests). */
    public Response postRaw(String path, String rawBody, String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : Json.mapper().writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response with its JSON parsed on demand. */
    public record Response(int status, String text, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(text);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }
}
