package com.hummdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent web app end to end: the real App (serving the built front end from the classpath) on a random port,
 * data created through the API and the AI pipeline running, then {@code frontend/e2e/run.mjs} drives Debian's
 * chromium through login, the knowledge base (write, publish, search), a live customer message with its
 * classification and a draft citing the article, inserting, editing and sending the draft (feedback: edited), a
 * private note, resolve, the AI settings page, the customer chat widget on another origin (send, live agent reply,
 * retry, resume after reload) and a second account that must see nothing.
 * Runs under failsafe (after package); skipped with -Dskip.frontend or -DskipTests.
 */
class WebAppE2EIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final Path FRONTEND = Path.of(System.getProperty("hummdesk.frontend.dir", "frontend"));
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("hummdesk.screenshots.dir", "target/screenshots"));

    @Test
    void serves_the_app_with_spa_fallback_and_keeps_api_404s_json() throws Exception {
        var html = get("/conversations/123", "text/html,application/xhtml+xml");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<div id=\"app\">");
        assertThat(get("/", "text/html").body()).contains("<div id=\"app\">");

        var api = get("/api/definitely-not-here", "text/html");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"not_found\"");
        // socket.io answers its own handshake; it is never rewritten to the web app.
        assertThat(get("/socket.io/?EIO=4&transport=polling", "text/html").body())
                .doesNotContain("<div id=\"app\">");
        assertThat(get("/health", "text/html").body()).contains("\"status\"");
        assertThat(get("/assets/missing-file.js", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void agent_works_a_live_conversation_in_chromium() throws Exception {
        var chromium = Path.of(System.getenv().getOrDefault("HD_E2E_CHROMIUM", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium))
                .as("Debian's chromium is needed for the web app test: run scripts/provision.sh as root"
                        + " (apt-get install chromium)")
                .isTrue();

        var acme = Fixtures.tenant(app, "Acme Support");
        var other = Fixtures.tenant(app, "Globex");
        var inbox = "web-e2e-" + UUID.randomUUID();
        sql(
                acme.accountId(),
                "insert into inboxes (account_id, name, public_id) values (?, ?, ?) returning id",
                acme.accountId(),
                "Website",
                inbox);
        assertThat(app.post(
                                "/api/canned-responses",
                                Map.of("shortCode", "thanks", "content", "Thanks for reaching out!"),
                                acme.token())
                        .status())
                .isEqualTo(201);
        app.post("/api/labels", Map.of("name", "vip", "color", "#7c3aed"), acme.token());
        app.post("/api/teams", Map.of("name", "Billing"), acme.token());

        // The AI pipeline runs here (test apps leave classify jobs queued unless a test opts in): customer messages
        // are classified and drafted while the browser watches.
        app.app().ai().runJobsOn(app.app().jobs().worker());
        // An earlier customer, in Finnish, so the list has more than the live conversation.
        var customer = app.post(
                "/api/public/inboxes/" + inbox + "/contacts",
                Map.of("name", "Maija Meikäläinen", "email", "maija@customer.test"),
                null);
        app.post(
                "/api/public/inboxes/" + inbox + "/conversations",
                Map.of("content", "Minulta veloitettiin kahdesti tästä kuusta."),
                customer.json().get("contactToken").asText());

        var command = new ArrayList<>(List.of(
                "node",
                "e2e/run.mjs",
                app.baseUrl(),
                acme.ownerEmail(),
                Fixtures.PASSWORD,
                other.ownerEmail(),
                Fixtures.PASSWORD,
                inbox));
        var process = new ProcessBuilder(command)
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE);
        process.environment()
                .put("HD_E2E_SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString());
        process.environment().put("HD_E2E_CHROMIUM", chromium.toString());
        process.environment().put("HD_E2E_KB_ZIP", knowledgeZip().toString());
        var running = process.start();
        var output = new StringBuilder();
        var reader = Thread.ofVirtual().start(() -> {
            try (var in = running.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(')');
            }
        });
        boolean finished = running.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            running.destroyForcibly();
        }
        reader.join(5_000);
        System.out.println(output);
        assertThat(finished).as("e2e finished in time:\n" + output).isTrue();
        assertThat(running.exitValue()).as(output.toString()).isZero();
        assertThat(output.toString()).contains("E2E OK");
        for (var shot : List.of(
                "03-conversation.png",
                "04-conversation-ai.png",
                "09-knowledge.png",
                "11-ai-settings.png",
                "12-knowledge-import.png",
                "20-reports.png",
                "21-inboxes.png",
                "22-widget.png",
                "23-widget-mobile.png")) {
            assertThat(SCREENSHOTS.resolve(shot)).exists();
        }
        // What the agent did with the draft is recorded for the account, and only for it.
        var stats = app.get("/api/ai/drafts/stats", acme.token()).json();
        assertThat(stats.get("edited").asLong()).isEqualTo(1);
        assertThat(stats.get("accepted").asLong()).isZero();
        assertThat(app.get("/api/ai/drafts/stats", other.token())
                        .json()
                        .get("drafts")
                        .asLong())
                .isZero();
    }

    /** A knowledge-base archive for the import screen: three articles and one file it cannot read. */
    private static Path knowledgeZip() throws IOException {
        var zip = Files.createTempFile("hd-e2e-kb-", ".zip");
        zip.toFile().deleteOnExit();
        var files = new LinkedHashMap<String, String>();
        files.put(
                "faq/shipping-times.md",
                "# Shipping times\n\nOrders ship within two business days; delivery takes three to five more.\n");
        files.put(
                "faq/change-password.html",
                "<html><body><h1>Changing your password</h1><p>Open Settings, then Security, and choose"
                        + " Change password.</p></body></html>");
        files.put("office-hours.txt", "Office hours\n\nWe answer on weekdays from 8 to 18 Finnish time.\n");
        files.put("scan.pdf", "%PDF-1.4 not an article");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Accept", accept)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long sql(long accountId, String sql, Object... binds) {
        return app.app().database().inAccount(accountId, tx -> {
            var row = tx.fetchOne(sql, binds);
            return row == null ? 0L : row.get(0, Long.class);
        });
    }
}
