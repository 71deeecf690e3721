package com.hummdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.ai.DraftContext;
import com.hummdesk.ai.KnowledgePassage;
import com.hummdesk.ai.local.LocalDraftProvider;
import com.hummdesk.drafts.DraftGenerated;
import com.hummdesk.platform.http.Json;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Draft latency (bench/drafts/run.sh): (1) the local draft alone, on StackFAQ questions with five passages each (the
 * question's FAQ thread and four others, whole threads: longer than real chunks); (2) an {@code ai.draft} job from
 * the enqueue's commit to the stored draft's event, through the real App, worker and database, with a stand-in
 * retriever returning the same five passages (the knowledge base's search time is not included).
 */
public final class DraftBench {
    public static void main(String[] args) throws Exception {
        var data = Path.of(args.length > 0 ? args[0] : "../shared/data/stackfaq");
        var faqs = new ArrayList<KnowledgePassage>();
        for (var line : Files.readAllLines(data.resolve("faq_kb.jsonl"))) {
            JsonNode node = Json.mapper().readTree(line);
            var text = new StringBuilder();
            node.get("answers").forEach(a -> text.append(a.asText()).append("\n\n"));
            faqs.add(new KnowledgePassage(
                    faqs.size() + 1, faqs.size() + 1, node.get("question").asText(), text.toString(), 0.5));
        }
        var ids = faqs.stream().map(KnowledgePassage::articleId).toList();
        var queries = new ArrayList<String[]>();
        for (var line : Files.readAllLines(data.resolve("queries.tsv")).subList(1, 1250)) {
            queries.add(line.split("\t"));
        }
        var provider = new LocalDraftProvider();
        var contexts = new ArrayList<DraftContext>();
        for (int i = 0; i < queries.size(); i++) {
            int gold = Integer.parseInt(queries.get(i)[1].substring(3));
            var passages = new ArrayList<KnowledgePassage>();
            passages.add(faqs.get(gold));
            for (int k = 1; k <= 4; k++) {
                passages.add(faqs.get((gold + k * 17 + i) % faqs.size()));
            }
            contexts.add(new DraftContext(queries.get(i)[0], List.of(), null, passages, "en", ""));
        }
        for (var context : contexts) {
            provider.draft(context); // warm-up
        }
        var local = new long[contexts.size() * 3];
        int grounded = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < contexts.size(); i++) {
                long t = System.nanoTime();
                var draft = provider.draft(contexts.get(i));
                local[round * contexts.size() + i] = System.nanoTime() - t;
                if (round == 0 && !draft.citedArticleIds().isEmpty()) {
                    grounded++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "local draft: n=%d p50=%.3f ms p95=%.3f ms p99=%.3f ms max=%.3f ms; grounded %d of %d (%d FAQ threads)%n",
                local.length,
                ms(local, 0.5),
                ms(local, 0.95),
                ms(local, 0.99),
                ms(local, 1.0),
                grounded,
                contexts.size(),
                ids.size());

        var app = new TestApp();
        app.beforeAll(null);
        try {
            var tenant = Fixtures.tenant(app, "Bench");
            var events = new ArrayBlockingQueue<DraftGenerated>(16);
            app.app().events().subscribe(DraftGenerated.class, events::add);
            app.app().drafts().retrieveWith((accountId, query, limit) -> contexts.get(
                            Math.abs(query.hashCode()) % contexts.size())
                    .passages());
            var publicId = "inbox-" + UUID.randomUUID();
            app.app()
                    .database()
                    .runInAccount(
                            tenant.accountId(),
                            tx -> tx.execute(
                                    "insert into inboxes (account_id, name, public_id) values (?, 'Support', ?)",
                                    tenant.accountId(),
                                    publicId));
            var path = "/api/public/inboxes/" + publicId;
            var contact = new HashMap<String, Object>(Map.of("name", "Bench", "email", "bench@example.test"));
            var token = app.post(path + "/contacts", contact, null)
                    .json()
                    .get("contactToken")
                    .asText();
            int n = 300;
            var job = new long[n];
            for (int i = -50; i < n; i++) {
                var q = queries.get(Math.floorMod(i * 7, queries.size()))[0];
                long conversationId = app.post(path + "/conversations", Map.of("content", q), token)
                        .json()
                        .get("conversationId")
                        .asLong();
                long messageId = app.app().database().inAccount(tenant.accountId(), tx -> tx.fetchOne(
                                "select max(id) from messages where account_id = ? and conversation_id = ?",
                                tenant.accountId(),
                                conversationId)
                        .get(0, Long.class));
                long t = System.nanoTime();
                app.app().database().runInAccount(tenant.accountId(), tx -> app.app()
                        .jobs()
                        .queue()
                        .enqueue(
                                tx,
                                tenant.accountId(),
                                "ai.draft",
                                Map.of("conversationId", conversationId, "messageId", messageId)));
                var event = events.poll(10, TimeUnit.SECONDS);
                if (event == null || event.messageId() != messageId) {
                    throw new IllegalStateException("no draft event for message " + messageId);
                }
                if (i >= 0) {
                    job[i] = System.nanoTime() - t;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "job -> stored draft (event after commit): n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n",
                    n,
                    ms(job, 0.5),
                    ms(job, 0.95),
                    ms(job, 0.99),
                    ms(job, 1.0));
        } finally {
            app.afterAll(null);
        }
    }

    private static double ms(long[] nanos, double quantile) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
