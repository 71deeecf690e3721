package com.hummdesk.knowledge;

import com.hummdesk.ai.local.SentenceEncoder;
import com.hummdesk.ai.local.SharedEncoder;
import com.hummdesk.platform.config.DatabaseUrl;
import com.hummdesk.platform.db.Database;
import com.hummdesk.testing.JitWarmUp;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures the knowledge-base search on the data KbBenchLoad wrote (bench/kb/run.sh), as the app calls it: {@link
 * KnowledgeSearch#hits} through the app role's pool, in a transaction scoped to the account (row-level security), limit
 * 5 (the API's default; drafts ask for 5 too).
 *
 * <ul>
 *   <li>queries: StackFAQ's paraphrased questions and banking77 test messages (real user text, not in the KB verbatim)
 *   <li>DB time: the search with the query embedded beforehand (the count/settings round trip + the hybrid query);
 *       end to end: the same call embedding the query first
 *   <li>account 1 (100,000 chunks) and account 2 (9,091 chunks), each on the path the search chooses
 *       (KnowledgeSearch.exact)
 *   <li>EXPLAIN (ANALYZE, BUFFERS) of both paths, recall@10 of the vector candidates of the HNSW path against exact
 * </ul>
 *
 * Arguments: JDBC URL of the database (the app role's credentials are added), path to ../shared/data; optional third:
 * queries per measurement (default 200, as in bench/kb/RESULTS.md); optional fourth: how many times each is timed
 * (default 5); a fifth, --no-recall, skips the recall comparison (for A/B timing runs).
 */
public final class KbBench {
    private static final int MAX_WARMUP_ROUNDS = 80;
    private static final double QUIET_JIT_SHARE = 0.02;
    /** Past the first refresh of KnowledgeSearch's one-minute caches (sizes, text configurations); see JitWarmUp. */
    private static final Duration WARM_UP_AT_LEAST = Duration.ofSeconds(75);

    /** Each sample's times, round after round: index round × queries + query. */
    private record Samples(long[] db, long[] endToEnd, long[] embedding, long[] afterEmbedding) {
        Samples(int size) {
            this(new long[size], new long[size], new long[size], new long[size]);
        }
    }

    /**
     * Every query through the timed paths, one after the other, into {@code round}'s samples: the search with the query
     * embedded beforehand (DB time), the search embedding it (end to end), and the same split in two (the embedding,
     * then the search right after it, with the caches as the embedding left them). The warm-up runs this very method
     * until the JIT is idle ({@link JitWarmUp}), so the timed rounds run code it has finished compiling: a timed loop
     * of its own was compiled anew while it ran (0.1-2 s of C2 inside ~10 s of timed searches on two vCPUs, session 9).
     * Returns how many searches found nothing.
     */
    private static int round(
            KnowledgeSearch search,
            SentenceEncoder encoder,
            long account,
            List<String> list,
            List<float[]> vectors,
            Samples samples,
            int round) {
        int empty = 0;
        for (int i = 0; i < list.size(); i++) {
            int k = round * list.size() + i;
            var query = list.get(i);
            long t = System.nanoTime();
            var hits = search.hits(account, query, vectors.get(i), 5, ChunkRepository.Fusion.HYBRID);
            samples.db()[k] = System.nanoTime() - t;
            if (hits.isEmpty()) {
                empty++;
            }
            t = System.nanoTime();
            search.hits(account, query, 5);
            samples.endToEnd()[k] = System.nanoTime() - t;
            t = System.nanoTime();
            var vector = encoder.embed(query);
            long embedded = System.nanoTime();
            search.hits(account, query, vector, 5, ChunkRepository.Fusion.HYBRID);
            samples.embedding()[k] = embedded - t;
            samples.afterEmbedding()[k] = System.nanoTime() - embedded;
        }
        return empty;
    }

    public static void main(String[] args) throws Exception {
        var jdbc = args[0];
        var data = Path.of(args.length > 1 ? args[1] : "../shared/data");
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        var name = jdbc.substring(jdbc.lastIndexOf('/') + 1);
        var db = new Database(
                DatabaseUrl.parse("postgresql://hummdesk_app:hummdesk_app@127.0.0.1:5432/" + name), 4, null);
        var encoder = SharedEncoder.get();
        var search = new KnowledgeSearch(db, new Embedder(() -> encoder));

        var queries = new ArrayList<String>();
        var faq = Files.readAllLines(data.resolve("stackfaq/queries.tsv"));
        for (var line : faq.subList(1, faq.size())) {
            queries.add(line.split("\t")[0]);
        }
        var banking = Files.readAllLines(data.resolve("banking77/test.csv"));
        for (var line : banking.subList(1, banking.size())) {
            if (line.lastIndexOf(',') <= 0) {
                continue; // a continuation line of a quoted multi-line message
            }
            queries.add(line.substring(0, line.lastIndexOf(',')).replaceAll("^\"|\"$", ""));
        }
        java.util.Collections.shuffle(queries, new Random(7));
        var list = queries.subList(0, Math.min(n, queries.size()));
        var vectors = new ArrayList<float[]>();
        for (var q : list) {
            vectors.add(encoder.embed(q));
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %d queries (StackFAQ paraphrases + banking77 test, shuffled), limit 5; load average %.2f%n",
                java.time.Instant.now(),
                list.size(),
                load());

        for (long account : new long[] {1, 2}) {
            int published = db.inAccount(account, tx -> tx.fetchSingle("select count(*) from kb_chunks where published")
                    .get(0, Integer.class));
            boolean exact = KnowledgeSearch.exact(db.inAccount(
                    account, tx -> new ChunkRepository().measure(tx, account, KnowledgeSearch.COUNT_UP_TO + 1)));
            var warmUp = new Samples(list.size());
            JitWarmUp.untilQuiet(
                    "  warm-up (" + 3 * list.size() + " searches)",
                    MAX_WARMUP_ROUNDS,
                    QUIET_JIT_SHARE,
                    3,
                    WARM_UP_AT_LEAST,
                    () -> round(search, encoder, account, list, vectors, warmUp, 0));
            // Each query `rounds` times over: a p99 of 200 samples is their second worst, one scheduling hiccup.
            long jitBefore = JitWarmUp.compilingSoFar();
            int samples = list.size() * rounds;
            var timed = new Samples(samples);
            int empty = 0;
            for (int r = 0; r < rounds; r++) {
                empty += round(search, encoder, account, list, vectors, timed, r);
            }
            var dbTimes = timed.db();
            var e2e = timed.endToEnd();
            var embedTimes = timed.embedding();
            var afterEmbed = timed.afterEmbedding();
            long jitDuring = JitWarmUp.compilingSoFar() - jitBefore;
            System.out.printf(
                    Locale.ROOT,
                    "  split: embedding p50 %.2f ms  p90 %.2f  p99 %.2f; DB right after it p50 %.2f ms  p90 %.2f  p99"
                            + " %.2f%n",
                    ms(embedTimes, 0.5),
                    ms(embedTimes, 0.9),
                    ms(embedTimes, 0.99),
                    ms(afterEmbed, 0.5),
                    ms(afterEmbed, 0.9),
                    ms(afterEmbed, 0.99));
            System.out.printf(
                    Locale.ROOT,
                    "account %d (%d published chunks, %s path; JIT compiling %d ms while timed):%n"
                            + "  DB time (%d searches) p50 %.2f ms  p90 %.2f  p99 %.2f  max %.2f  (%d empty)%n"
                            + "  end2end   p50 %.2f ms  p90 %.2f  p99 %.2f  max %.2f  (load average %.2f)%n",
                    account,
                    published,
                    exact ? "exact" : "HNSW",
                    jitDuring,
                    samples,
                    ms(dbTimes, 0.5),
                    ms(dbTimes, 0.9),
                    ms(dbTimes, 0.99),
                    ms(dbTimes, 1),
                    empty,
                    ms(e2e, 0.5),
                    ms(e2e, 0.9),
                    ms(e2e, 0.99),
                    ms(e2e, 1),
                    load());
            explain(db, account, list.get(0), vectors.get(0), exact);
            // Whether the tail is a few queries (slow every time) or hiccups: the queries with the highest median.
            var medians = new ArrayList<double[]>();
            for (int i = 0; i < list.size(); i++) {
                var own = new long[rounds];
                for (int r = 0; r < rounds; r++) {
                    own[r] = dbTimes[r * list.size() + i];
                }
                medians.add(new double[] {ms(own, 0.5), i});
            }
            medians.sort((a, b) -> Double.compare(b[0], a[0]));
            for (var m : medians.subList(0, Math.min(5, medians.size()))) {
                System.out.printf(Locale.ROOT, "  median over rounds %.2f ms: \"%s\"%n", m[0], list.get((int) m[1]));
            }
            // The slowest query (by its median), explained the same way.
            int slowest = (int) medians.getFirst()[1];
            explain(db, account, list.get(slowest), vectors.get(slowest), exact);
        }
        // ef_search as the search sets it (max(100, 2 × 40 candidates)), then larger, to show the trade-off; account 2
        // through both paths too, to show what the choice buys.
        if (args.length > 4 && args[4].equals("--no-recall")) {
            db.close();
            return;
        }
        for (int ef : new int[] {100, 200, 400}) {
            recall(db, 1, list, vectors, Math.min(200, list.size()), ef);
        }
        recall(db, 2, list, vectors, Math.min(200, list.size()), 100);
        db.close();
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the statement the search runs, in the same transaction setup (both bench accounts
     * are above {@link KnowledgeSearch#ANY_WORD_UP_TO}: full text asks for all words). EXPLAIN plans with the query's
     * values, as a per-search plan: a search planned once per connection may differ.
     */
    static void explain(Database db, long account, String query, float[] vector, boolean exact) {
        var repo = new ChunkRepository();
        var size = db.inAccount(account, tx -> repo.measure(tx, account, KnowledgeSearch.COUNT_UP_TO + 1));
        db.transaction(KnowledgeSearch.scope(account, 100, size), tx -> {
            var configs = repo.configs(tx, account);
            var sql = ChunkRepository.searchSql(
                    size.partition(),
                    configs,
                    exact,
                    true,
                    KnowledgeSearch.dominant(size),
                    ChunkRepository.Fusion.HYBRID,
                    40,
                    5);
            var plan = tx.fetch(
                            "explain (analyze, buffers, costs off) " + sql,
                            ChunkRepository.searchBinds(account, vector, KnowledgeSearch.words(query)))
                    .getValues(0, String.class);
            System.out.println("  EXPLAIN (ANALYZE, BUFFERS), query \"" + query + "\":");
            plan.forEach(line -> System.out.println("    " + line));
            return null;
        });
    }

    /**
     * Recall@10 of an account's vector candidates: the HNSW path's 10 nearest (iterative scan, the search's settings)
     * against exact (every published chunk of the account compared), on {@code count} queries; and the time of both.
     */
    static void recall(
            Database db, long account, List<String> queries, List<float[]> vectors, int count, int efSearch) {
        double sum = 0;
        double sum40 = 0;
        var times = new long[count];
        var exactTimes = new long[count];
        for (int i = 0; i < count; i++) {
            var words = KnowledgeSearch.words(queries.get(i));
            var vector = vectors.get(i);
            long t = System.nanoTime();
            var approx = vectorList(db, account, efSearch, vector, words, false);
            times[i] = System.nanoTime() - t;
            t = System.nanoTime();
            var exact = vectorList(db, account, efSearch, vector, words, true);
            exactTimes[i] = System.nanoTime() - t;
            sum += overlap(approx, exact, 10);
            sum40 += overlap(approx, exact, 40);
        }
        System.out.printf(
                Locale.ROOT,
                "account %d's HNSW vector candidates vs exact, hnsw.ef_search %d, %d queries: recall@10 %.3f,"
                        + " recall@40 %.3f; vector list only: HNSW p50 %.2f ms, p99 %.2f ms; exact p50 %.2f ms,"
                        + " p99 %.2f ms%n",
                account,
                efSearch,
                count,
                sum / count,
                sum40 / count,
                ms(times, 0.5),
                ms(times, 0.99),
                ms(exactTimes, 0.5),
                ms(exactTimes, 0.99));
    }

    private static final Map<Long, String> PARTITIONS = new ConcurrentHashMap<>();

    /** The account's 40 nearest chunk ids, through HNSW or exactly, in a search transaction of its own. */
    private static List<Long> vectorList(
            Database db, long account, int efSearch, float[] vector, String words, boolean exact) {
        var repo = new ChunkRepository();
        return db.transaction(KnowledgeSearch.scope(account, efSearch, null), tx -> repo
                .search(
                        tx,
                        PARTITIONS.computeIfAbsent(
                                account, a -> repo.measure(tx, a, 1).partition()),
                        account,
                        vector,
                        words,
                        List.of("english"),
                        40,
                        40,
                        exact,
                        true,
                        false,
                        ChunkRepository.Fusion.VECTOR)
                .stream()
                .map(ChunkRepository.Row::chunkId)
                .toList());
    }

    static double overlap(List<Long> approx, List<Long> exact, int k) {
        var truth = new HashSet<>(exact.subList(0, Math.min(k, exact.size())));
        int hit = 0;
        for (var id : approx.subList(0, Math.min(k, approx.size()))) {
            if (truth.contains(id)) {
                hit++;
            }
        }
        return truth.isEmpty() ? 1 : hit / (double) truth.size();
    }

    static double ms(long[] nanos, double q) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
