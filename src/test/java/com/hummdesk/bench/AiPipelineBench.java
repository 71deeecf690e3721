package com.hummdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.http.Json;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Customer message → stored classification and → stored draft, through a running HummDesk (bench/ai/run.sh starts
 * it: local provider, job worker on, demo account). Everything goes through the public HTTP API as a client would:
 * the owner signs in and publishes a small knowledge base (StackFAQ's 125 threads as articles); a contact opens a
 * session on the demo API inbox and starts conversations with StackFAQ's paraphrased questions, one at a time.
 *
 * <p>Per message, the clock starts before the POST is sent and stops when a poll of the database (every 1 ms, a
 * separate superuser connection, an indexed lookup) first sees the {@code ai_classifications} row, then the
 * {@code ai_drafts} row, of the new message: both are committed before their events ({@code ai:classification},
 * {@code ai:draft}) are published, so the event is at most a few hundred microseconds later.
 *
 * <p>Arguments: base URL, JDBC URL (superuser, for polling), path to ../shared/data, messages (default 200).
 */
public final class AiPipelineBench {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var jdbc = args[1];
        var data = Path.of(args[2]);
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 200;

        var login = post(
                base + "/api/auth/login",
                null,
                Map.of("email", "owner@demo.hummdesk.dev", "password", "demo-password"));
        var token = login.get("accessToken").asText();
        var queries = new ArrayList<String>();
        try (var c = DriverManager.getConnection(jdbc)) {
            // Loaded already when a run before this one published the first thread (the demo seed publishes a few
            // articles of its own, so "any published article" is not the test).
            var threads = Files.readAllLines(data.resolve("stackfaq/faq_kb.jsonl"));
            boolean kbLoaded;
            try (var st =
                    c.prepareStatement("select count(*) from kb_articles where status = 'published' and title = ?")) {
                st.setString(
                        1,
                        Json.mapper()
                                .readTree(threads.getFirst())
                                .get("question")
                                .asText());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    kbLoaded = rs.getInt(1) > 0;
                }
            }
            long t0 = System.nanoTime();
            int articles = 0;
            for (var line : threads) {
                JsonNode node = Json.mapper().readTree(line);
                if (!kbLoaded) {
                    var body = new StringBuilder();
                    node.get("answers").forEach(a -> body.append(a.asText()).append("\n\n"));
                    post(
                            base + "/api/kb/articles",
                            token,
                            Map.of(
                                    "title",
                                    node.get("question").asText(),
                                    "body",
                                    body.toString(),
                                    "language",
                                    "en",
                                    "status",
                                    "published"));
                    articles++;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "knowledge base: %d articles published in %.1f s%n",
                    articles,
                    (System.nanoTime() - t0) / 1e9);
            var lines = Files.readAllLines(data.resolve("stackfaq/queries.tsv"));
            for (var line : lines.subList(1, lines.size())) {
                queries.add(line.split("\t")[0]);
            }
            Collections.shuffle(queries, new Random(11));

            var session = post(
                    base + "/api/public/inboxes/demo-api-inbox/contacts",
                    null,
                    Map.of("name", "Bench Customer", "email", "bench-" + System.currentTimeMillis() + "@example.com"));
            var contactToken = session.get("contactToken").asText();
            var classified = c.prepareStatement("select latency_ms from ai_classifications where message_id = ?");
            var drafted =
                    c.prepareStatement("select cardinality(cited_article_ids) from ai_drafts where message_id = ?");
            waitIdle(c);
            int warmup = 20;
            var toClass = new ArrayList<Long>();
            var toDraft = new ArrayList<Long>();
            var toResponse = new ArrayList<Long>();
            var providerMs = new ArrayList<Integer>();
            int grounded = 0;
            int missing = 0;
            double loadStart = load();
            for (int i = 0; i < warmup + n; i++) {
                var text = queries.get(i % queries.size());
                long start = System.nanoTime();
                var started = post(
                        base + "/api/public/inboxes/demo-api-inbox/conversations",
                        contactToken,
                        Map.of("content", text));
                long posted = System.nanoTime();
                long messageId = started.get("message").get("id").asLong();
                long classAt = 0;
                long draftAt = 0;
                int latency = -1;
                int cited = -1;
                while (System.nanoTime() - start < 10_000_000_000L && (classAt == 0 || draftAt == 0)) {
                    if (classAt == 0) {
                        classified.setLong(1, messageId);
                        try (var rs = classified.executeQuery()) {
                            if (rs.next()) {
                                classAt = System.nanoTime();
                                latency = rs.getInt(1);
                            }
                        }
                    }
                    if (classAt != 0) {
                        drafted.setLong(1, messageId);
                        try (var rs = drafted.executeQuery()) {
                            if (rs.next()) {
                                draftAt = System.nanoTime();
                                cited = rs.getInt(1);
                            }
                        }
                    }
                    if (classAt == 0 || draftAt == 0) {
                        Thread.sleep(1);
                    }
                }
                if (i < warmup) {
                    continue;
                }
                if (classAt == 0 || draftAt == 0) {
                    missing++;
                    continue;
                }
                toResponse.add(posted - start);
                toClass.add(classAt - start);
                toDraft.add(draftAt - start);
                providerMs.add(latency);
                if (cited > 0) {
                    grounded++;
                }
                Thread.sleep(100); // let the conversation's other after-commit work settle
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d messages timed after %d warm-up (%d timed out at 10 s); load average %.2f at start, %.2f at"
                            + " end%n",
                    toClass.size(),
                    warmup,
                    missing,
                    loadStart,
                    load());
            report("POST → 201 response (message and job committed)", toResponse);
            report("POST → ai_classifications row", toClass);
            report("POST → ai_drafts row", toDraft);
            var provider = providerMs.stream()
                    .mapToLong(Integer::longValue)
                    .map(v -> v * 1_000_000L)
                    .toArray();
            report("local classify (latency_ms stored by the pipeline)", provider);
            System.out.printf(Locale.ROOT, "drafts citing an article: %d of %d%n", grounded, toDraft.size());
        }
    }

    /** Waits until no job is queued or running (the demo seed and the knowledge-base import enqueue work). */
    static void waitIdle(java.sql.Connection c) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("select count(*) from jobs where status in ('queued', 'running')")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
    }

    static void report(String what, List<Long> nanos) {
        report(what, nanos.stream().mapToLong(Long::longValue).toArray());
    }

    static void report(String what, long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-52s n=%d  p50 %.1f ms  p90 %.1f  p99 %.1f  max %.1f%n",
                what,
                sorted.length,
                q(sorted, 0.5),
                q(sorted, 0.9),
                q(sorted, 0.99),
                q(sorted, 1));
    }

    static double q(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static JsonNode post(String url, String bearer, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " → " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private AiPipelineBench() {}
}
