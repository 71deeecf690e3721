package com.hummdesk.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.accounts.AccountService;
import com.hummdesk.ai.local.SentenceEncoder;
import com.hummdesk.platform.http.Json;
import com.hummdesk.platform.security.CurrentUser;
import com.hummdesk.platform.security.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar hummdesk.jar eval-kb [--data DIR]}: loads stackfaq (125 FAQ threads, 1,249 paraphrased questions)
 * into a new account as published articles through the article service, then asks every question through the
 * search and prints recall@1, recall@3, MRR (by article: the first passage of each article counts) and latency, for
 * the hybrid search and for each half alone. Prints Markdown for BENCHMARKS.md.
 */
public final class EvalKbCommand {
    private static final int DEPTH = 10;

    private EvalKbCommand() {}

    private record Query(String text, String faqId) {}

    public static int run(List<String> args, PrintStream out, AccountService accounts, KnowledgeModule knowledge) {
        var data = Path.of("../shared/data");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--data") && i + 1 < args.size()) {
                data = Path.of(args.get(++i));
            }
        }
        var dir = data.resolve("stackfaq");
        if (!Files.isRegularFile(dir.resolve("faq_kb.jsonl")) || !Files.isRegularFile(dir.resolve("queries.tsv"))) {
            out.println("eval-kb: no stackfaq at " + dir.toAbsolutePath() + " (use --data DIR)");
            return 2;
        }
        try {
            return evaluate(dir, out, accounts, knowledge);
        } catch (IOException e) {
            out.println("eval-kb: " + e.getMessage());
            return 2;
        }
    }

    private static int evaluate(Path dir, PrintStream out, AccountService accounts, KnowledgeModule knowledge)
            throws IOException {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var account = accounts.createAccount(
                "stackfaq eval " + suffix, "Eval", "eval-" + suffix + "@stackfaq.invalid", UUID.randomUUID() + "-pw");
        var owner = new CurrentUser(account.ownerUserId(), account.accountId(), Role.OWNER);

        long started = System.nanoTime();
        knowledge.search().hits(account.accountId(), "warm up the encoder", 1); // load the model outside the timings
        long modelMs = (System.nanoTime() - started) / 1_000_000;

        var articleOf = new HashMap<Long, String>();
        int chunks = 0;
        started = System.nanoTime();
        for (var line : Files.readAllLines(dir.resolve("faq_kb.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode faq = Json.mapper().readTree(line);
            var answers = new ArrayList<String>();
            faq.get("answers").forEach(a -> answers.add(a.asText().strip()));
            var body = String.join("\n\n", answers);
            var article = knowledge
                    .articles()
                    .create(
                            owner,
                            new ArticleService.ArticleChanges(
                                    faq.get("question").asText(), body, List.of("stackfaq"), "en", "published"));
            articleOf.put(article.id(), faq.get("faq_id").asText());
            chunks += Chunker.chunk(article.title(), body).size();
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;

        var queries = new ArrayList<Query>();
        var lines = Files.readAllLines(dir.resolve("queries.tsv"));
        for (var line : lines.subList(1, lines.size())) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                queries.add(new Query(
                        line.substring(0, tab), line.substring(tab + 1).strip()));
            }
        }

        out.println("### Knowledge-base retrieval: stackfaq (`eval-kb`)");
        out.println();
        out.println("- date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        out.println("- machine: " + machine());
        out.printf(
                Locale.ROOT,
                "- data: %s, %d articles (%d chunks) loaded in %.1f s through the article service (chunk + embed +"
                        + " insert), %d queries; model %s loaded in %d ms%n",
                dir,
                articleOf.size(),
                chunks,
                loadSeconds,
                queries.size(),
                SentenceEncoder.MODEL,
                modelMs);
        out.println();
        out.println("| retrieval | recall@1 | recall@3 | recall@5 | MRR@10 | search p50 | search p99 |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (var fusion : ChunkRepository.Fusion.values()) {
            var result = measure(knowledge.search(), account.accountId(), queries, articleOf, fusion);
            out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.3f | %.1f ms | %.1f ms |%n",
                    switch (fusion) {
                        case HYBRID -> "**hybrid (RRF)**";
                        case VECTOR -> "vector only";
                        case TEXT -> "full text only";
                    },
                    result.get("r1"),
                    result.get("r3"),
                    result.get("r5"),
                    result.get("mrr"),
                    result.get("p50"),
                    result.get("p99"));
        }
        out.println();
        out.println("Latency is the whole search call (embed the query + one database round trip for the"
                + " count/settings + the fused query), single-threaded, account " + account.accountId() + ".");
        return 0;
    }

    private static Map<String, Double> measure(
            KnowledgeSearch search,
            long accountId,
            List<Query> queries,
            Map<Long, String> articleOf,
            ChunkRepository.Fusion fusion) {
        int r1 = 0;
        int r3 = 0;
        int r5 = 0;
        double mrr = 0;
        var latencies = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            var query = queries.get(i);
            long t0 = System.nanoTime();
            var hits = search.hits(accountId, query.text(), DEPTH * 2, fusion);
            latencies[i] = (System.nanoTime() - t0) / 1e6;
            var ranked = new LinkedHashSet<String>();
            hits.forEach(hit -> ranked.add(articleOf.get(hit.articleId())));
            int rank = 0;
            int position = 1;
            for (var faq : ranked) {
                if (faq.equals(query.faqId())) {
                    rank = position;
                    break;
                }
                if (++position > DEPTH) {
                    break;
                }
            }
            if (rank == 1) r1++;
            if (rank >= 1 && rank <= 3) r3++;
            if (rank >= 1 && rank <= 5) r5++;
            if (rank >= 1) mrr += 1.0 / rank;
        }
        Arrays.sort(latencies);
        double n = queries.size();
        return Map.of(
                "r1", r1 / n,
                "r3", r3 / n,
                "r5", r5 / n,
                "mrr", mrr / n,
                "p50", latencies[(int) Math.ceil(0.50 * n) - 1],
                "p99", latencies[(int) Math.ceil(0.99 * n) - 1]);
    }

    private static String machine() {
        long memMb = -1;
        try {
            for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memMb = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: leave it unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + memMb + " MB RAM, JDK "
                + System.getProperty("java.version") + ", load average "
                + String.format(
                        Locale.ROOT,
                        "%.1f",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage());
    }
}
