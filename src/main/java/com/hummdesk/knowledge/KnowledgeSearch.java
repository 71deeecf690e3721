package com.hummdesk.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hummdesk.ai.KnowledgePassage;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.db.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hybrid retrieval over an account's published articles: vector (MiniLM, cosine, HNSW) and full-text (PostgreSQL,
 * stemmed per article language) candidates fused by reciprocal rank. The drafts feature calls {@link #search}.
 */
public final class KnowledgeSearch {
    public static final int MAX_LIMIT = 50;
    static final int MAX_QUERY_CHARS = 1_000;
    /**
     * Exact or HNSW: the exact vector list compares every published chunk of the account (cost ~ published), the
     * HNSW walk steps over the other accounts sharing its partition (cost ~ a constant / the account's share of the
     * partition). Exact while published × share stays under this: a small account, or a mid-sized one sharing its
     * partition with a much larger one. Measured (bench/kb, 1M chunks in 32 partitions): 9,091 chunks alone in a
     * partition, exact 11 ms against HNSW 4.7 ms; exact costs ~1.2 µs per chunk.
     */
    static final int EXACT_WORK = 2_000;
    /** Counted at most this far: above it an account is searched through HNSW whatever its share. */
    static final int COUNT_UP_TO = 20_000;
    /**
     * Up to this many published chunks the full-text list takes passages sharing any query word (OR, ranked); above
     * it, passages with all of them (AND), at most {@link ChunkRepository#FTS_RANKED_UP_TO} ranked, because the OR's
     * cost grows with the account (bench/kb). The stackfaq evaluation (943 chunks) is below it.
     */
    static final int ANY_WORD_UP_TO = 2_000;
    /** hnsw.max_scan_tuples: how far the iterative scan may walk for an account that is a small share of all. */
    static final int MAX_SCAN_TUPLES = 40_000;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 32;

    private final Database db;
    private final Embedder embedder;
    private final ChunkRepository chunks = new ChunkRepository();
    /**
     * Which text-search configurations an account's published articles use, refreshed every minute: the query is
     * parsed with each, and the lookup is a scan of the account's articles, too slow for every search of a large
     * knowledge base. An article in a new language is found by full text within a minute (by vector at once).
     */
    private final Cache<Long, List<String>> configs = perAccountForAMinute();

    /**
     * The size of accounts with published chunks, measured again after a minute: counting them reads up to {@link
     * #COUNT_UP_TO} index entries, or half their partition's (5-9 ms at 100,000 chunks), and even a small account's
     * count is a statement of its own (0.3-0.5 ms), for choices (exact or HNSW, any or all words, plans) that do not
     * change with a few articles more or less; every choice returns correct results. An account without any is not
     * kept: its first published article is searched at once.
     */
    private final Cache<Long, ChunkRepository.Size> sizes = perAccountForAMinute();

    private static <V> Cache<Long, V> perAccountForAMinute() {
        return Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(1))
                .build();
    }

    KnowledgeSearch(Database db, Embedder embedder) {
        this.db = db;
        this.embedder = embedder;
    }

    /**
     * The best {@code limit} (1..50) passages of the account's published articles for {@code query}, best first
     * (fused rank). Each passage's {@code score} is its cosine similarity to the query, an absolute measure a caller
     * may threshold ("no relevant article"); the order is the fused rank, which also counts shared words.
     */
    public List<KnowledgePassage> search(long accountId, String query, int limit) {
        return hits(accountId, query, limit).stream()
                .map(hit -> new KnowledgePassage(
                        hit.articleId(),
                        hit.chunkId(),
                        hit.title(),
                        hit.heading().isEmpty() ? hit.content() : hit.heading() + ": " + hit.content(),
                        hit.similarity()))
                .toList();
    }

    /** The search as the API returns it: fused score, similarity and a highlighted snippet. */
    public List<SearchHit> hits(long accountId, String query, int limit) {
        return hits(accountId, query, limit, ChunkRepository.Fusion.HYBRID);
    }

    List<SearchHit> hits(long accountId, String query, int limit, ChunkRepository.Fusion fusion) {
        var text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() > MAX_QUERY_CHARS) {
            text = text.substring(0, MAX_QUERY_CHARS);
        }
        return hits(accountId, text, embedder.embedQuery(text), limit, fusion);
    }

    /** The search with the query already embedded (benchmarks time the database part alone). */
    List<SearchHit> hits(long accountId, String text, float[] vector, int limit, ChunkRepository.Fusion fusion) {
        int k = Math.max(1, Math.min(limit, MAX_LIMIT));
        int candidates = Math.max(40, k * 4);
        var words = words(text);
        var known = sizes.getIfPresent(accountId);
        var rows = db.read(scope(accountId, Math.max(100, candidates * 2), known), tx -> {
            var size = known == null ? chunks.measure(tx, accountId, COUNT_UP_TO + 1) : known;
            if (known == null && size.published() > 0) {
                sizes.put(accountId, size);
            }
            int published = size.published();
            if (published == 0) {
                return List.<ChunkRepository.Row>of();
            }
            var textConfigs = configs.get(accountId, id -> chunks.configs(tx, id));
            if (textConfigs.isEmpty()) {
                textConfigs = List.of("english");
            }
            return chunks.search(
                    tx,
                    size.partition(),
                    accountId,
                    vector,
                    words,
                    textConfigs,
                    candidates,
                    k,
                    exact(size),
                    published > ANY_WORD_UP_TO,
                    dominant(size),
                    fusion);
        });
        var hits = new ArrayList<SearchHit>(rows.size());
        for (var row : rows) {
            hits.add(new SearchHit(
                    row.articleId(),
                    row.title(),
                    row.chunkId(),
                    row.heading(),
                    row.score(),
                    row.similarity(),
                    Snippets.html(row.headline()),
                    row.content()));
        }
        return hits;
    }

    /**
     * The account's transaction with the HNSW scan set, in the statement that sets the account. Iterative scan
     * (pgvector 0.8) keeps walking the graph while the account and published filters reject neighbours, instead of
     * returning fewer rows than asked; relaxed order is re-sorted by the query.
     *
     * <p>Plans: the search reads the account's partition by name (V20), so it can be planned once per connection
     * ("generic"), saving the 0.6-1 ms of planning each search costs (bench/kb). Such a plan cannot know the account,
     * so only searches whose best plan does not depend on its share of the partition get one: accounts of known size
     * (the minute cache: more than {@link #ANY_WORD_UP_TO} chunks) searched through HNSW, or holding most of their
     * partition (the text list's statement differs for them, see {@link #dominant}). The exact
     * list of an account that is a small share of its partition is planned per search: a plan made for an average
     * account could scan the whole partition for it.
     */
    static Scope scope(long accountId, int efSearch, ChunkRepository.Size size) {
        boolean planOnce = size != null && (dominant(size) || !exact(size));
        return Scope.account(accountId)
                .planned(planOnce ? Scope.Plans.GENERIC : Scope.Plans.CUSTOM)
                .with("hnsw.iterative_scan", "relaxed_order")
                .with("hnsw.ef_search", Integer.toString(efSearch))
                .with("hnsw.max_scan_tuples", Integer.toString(MAX_SCAN_TUPLES));
    }

    /** Whether the account holds most of its partition's rows, so a plan that assumes as much suits it (V20). */
    static boolean dominant(ChunkRepository.Size size) {
        return size.partitionRows() > 0 && size.published() > size.partitionRows() / 2;
    }

    /** Whether the exact vector list is cheaper than the HNSW walk for an account of this size (see EXACT_WORK). */
    static boolean exact(ChunkRepository.Size size) {
        int published = size.published();
        double share = size.partitionRows() > published ? published / size.partitionRows() : 1.0;
        return published <= COUNT_UP_TO && published * share <= EXACT_WORK;
    }

    /** The query's distinct words, lower case, joined for to_tsquery as alternatives. */
    static String words(String text) {
        var words = new LinkedHashSet<String>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group());
        }
        return String.join(" | ", words);
    }
}
