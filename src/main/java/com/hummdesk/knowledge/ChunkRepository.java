package com.hummdesk.knowledge;

import com.hummdesk.platform.db.Jdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * SQL for kb_chunks, including the hybrid search. Plain SQL because jOOQ's generated classes do not know the
 * {@code halfvec} and {@code tsvector} columns (they are hidden from codegen, see V11 and V19); vectors travel as their
 * text form and are cast to {@code halfvec}. Every statement names the account, so it reads one hash partition; the
 * search names that partition too (see {@link #searchSql}).
 */
final class ChunkRepository {
    /** Reciprocal rank fusion's constant (Cormack et al. 2009): damps the difference between the top ranks. */
    static final int RRF_K = 60;
    /**
     * The full-text list counts half as much as the vector list. On stackfaq (English paraphrases) equal weights
     * lost to the vector list alone (recall@3 0.942 vs 0.993): paraphrases share few words with the answer, and
     * an OR-query ranks passages that repeat a common word ("account") high. Full text still decides between
     * close vector candidates and finds exact terms (product names, error codes) the encoder blurs.
     */
    static final double TEXT_WEIGHT = 0.5;
    /**
     * Above {@link KnowledgeSearch#ANY_WORD_UP_TO} chunks the full-text list asks for every query word (AND) and ranks
     * at most this many matching chunks. The OR-query's cost grows with the account: at 100,000 chunks a question with
     * one common word ("account") matched 16,682 of them, each fetched from the heap and ranked: 1.5 s (bench/kb); at
     * 9,091 chunks, 1,865 matches and the index's OR over every account's postings still took 130 ms. All words
     * together is selective, and the passages matching them all are the ones the OR-rank puts first. When even that
     * matches more than this, the words do not tell passages apart and which of them are ranked matters little: at
     * 1,000, fetching and ranking them was 11 of a 15 ms search at 100,000 chunks (bench/kb, "charged a fee for a
     * card payment": 1,430 passages with all the words), so 200.
     */
    static final int FTS_RANKED_UP_TO = 200;

    /** The name of one of V19's partitions: a search reads its account's partition by name (V20). */
    private static final Pattern PARTITION = Pattern.compile("kb_chunks_p[0-9]{2}");

    /** Which candidate lists the fusion reads: both in production; one alone to measure what each contributes. */
    enum Fusion {
        HYBRID,
        VECTOR,
        TEXT
    }

    /** A chunk with its embedding, ready to be written. */
    record NewChunk(Chunk chunk, float[] embedding) {}

    /** A fused result row before the snippet is made safe. */
    record Row(
            long chunkId,
            long articleId,
            String title,
            String heading,
            String content,
            double score,
            double similarity,
            String headline) {}

    /** Replaces an article's chunks (an edit re-chunks the whole article). */
    void replace(
            DSLContext tx,
            long accountId,
            long articleId,
            boolean published,
            String title,
            String language,
            List<NewChunk> chunks) {
        tx.execute("delete from kb_chunks where account_id = ? and article_id = ?", accountId, articleId);
        if (chunks.isEmpty()) {
            return;
        }
        var config = Languages.config(language);
        var bindings = new ArrayList<Object[]>(chunks.size());
        for (var c : chunks) {
            bindings.add(new Object[] {
                accountId,
                articleId,
                c.chunk().ordinal(),
                published,
                c.chunk().heading(),
                c.chunk().content(),
                vector(c.embedding()),
                config,
                title,
                config,
                c.chunk().heading(),
                config,
                c.chunk().content()
            });
        }
        // The title weighs most in the full-text rank, then the heading, then the passage.
        tx.batch(
                        "insert into kb_chunks (account_id, article_id, ordinal, published, heading, content,"
                                + " embedding, search_tsv) values (?, ?, ?, ?, ?, ?, cast(? as halfvec),"
                                + " setweight(to_tsvector(cast(? as regconfig), ?), 'A')"
                                + " || setweight(to_tsvector(cast(? as regconfig), ?), 'B')"
                                + " || to_tsvector(cast(? as regconfig), ?))",
                        bindings.toArray(Object[][]::new))
                .execute();
    }

    /** The text-search configurations of the account's published articles ("english" first when present). */
    List<String> configs(DSLContext tx, long accountId) {
        var languages = tx.fetch(
                        "select distinct language from kb_articles where account_id = ? and status = 'published'",
                        accountId)
                .getValues(0, String.class);
        var configs = new java.util.TreeSet<String>();
        languages.forEach(language -> configs.add(Languages.config(language)));
        var ordered = new ArrayList<String>();
        if (configs.remove("english")) {
            ordered.add("english");
        }
        ordered.addAll(configs);
        return ordered;
    }

    void setPublished(DSLContext tx, long accountId, long articleId, boolean published) {
        tx.execute(
                "update kb_chunks set published = ? where account_id = ? and article_id = ? and published <> ?",
                published,
                accountId,
                articleId,
                published);
    }

    int count(DSLContext tx, long accountId, long articleId) {
        return tx.fetchSingle(
                        "select count(*) from kb_chunks where account_id = ? and article_id = ?", accountId, articleId)
                .get(0, Integer.class);
    }

    /**
     * An account's published chunks (counted as far as {@link #measure} says), its partition's rows (planner statistics,
     * 0 unknown) and the partition's name (null while the account has no chunk).
     */
    record Size(int published, double partitionRows, String partition) {}

    /**
     * Counts the account's published chunks up to {@code cap}, or up to just past half its partition when that is
     * further (enough to tell {@link KnowledgeSearch#dominant}), and finds the partition and its size, in one round trip.
     */
    Size measure(DSLContext tx, long accountId, int cap) {
        var row = tx.fetchSingle(
                "with p as (select c.relname::text as name, greatest(c.reltuples, 0) as n from pg_class c"
                        + " where c.oid = (select tableoid from kb_chunks where account_id = ? limit 1))"
                        + " select (select count(*) from (select 1 from kb_chunks where account_id = ? and published"
                        + " limit greatest(?, (select n from p)::bigint / 2 + 1)) x), (select n from p),"
                        + " (select name from p)",
                accountId,
                accountId,
                cap);
        var partitionRows = row.get(1, Double.class);
        return new Size(row.get(0, Integer.class), partitionRows == null ? 0 : partitionRows, row.get(2, String.class));
    }

    /**
     * Hybrid search: the {@code candidates} nearest chunks by cosine distance and the {@code candidates} best by
     * full-text rank, fused by reciprocal rank, best {@code limit}. {@code exact} reads every published chunk of the
     * account instead of the HNSW index: for a small account that is both fast and exact, whereas its partition's
     * index would have to step over other accounts' neighbours. {@code partition} is the account's, from
     * {@link #measure}; {@code dominant}: the account holds most of it ({@link KnowledgeSearch#dominant}).
     */
    List<Row> search(
            DSLContext tx,
            String partition,
            long accountId,
            float[] query,
            String words,
            List<String> configs,
            int candidates,
            int limit,
            boolean exact,
            boolean allWords,
            boolean dominant,
            Fusion fusion) {
        // On the JDBC connection (Jdbc): the transaction's scope travels with it, one round trip fewer.
        return Jdbc.query(
                tx,
                searchSql(partition, configs, exact, allWords, dominant, fusion, candidates, limit),
                rows -> {
                    var found = new ArrayList<Row>();
                    while (rows.next()) {
                        found.add(new Row(
                                rows.getLong(1),
                                rows.getLong(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getDouble(6),
                                rows.getDouble(7),
                                rows.getString(8)));
                    }
                    return found;
                },
                searchBinds(accountId, query, words));
    }

    /**
     * The statement {@link #search} runs (benchmarks EXPLAIN it); its parameters are {@link #searchBinds}. It reads the
     * account's partition by name, so PostgreSQL can plan it once per connection (V20, {@link KnowledgeSearch#scope});
     * the candidate counts are written into it because such a plan would not know a bound LIMIT's value.
     */
    static String searchSql(
            String partition,
            List<String> configs,
            boolean exact,
            boolean allWords,
            boolean dominant,
            Fusion fusion,
            int candidates,
            int limit) {
        if (!PARTITION.matcher(partition).matches()) {
            throw new IllegalArgumentException("not a kb_chunks partition: " + partition);
        }
        var vectorCandidates = exact
                // Every published chunk of the account, in one pass (OFFSET 0 keeps the planner from turning the
                // ORDER BY into an HNSW scan). A materialized CTE of the embeddings spilled to disk at 9,091 chunks.
                ? "select id, d from (select id, embedding <=> (select v from q) as d from " + partition
                        + " where account_id = ? and published offset 0) m order by d limit " + candidates
                : "select id, d from (select c.id, c.embedding <=> (select v from q) as d from " + partition + " c"
                        + " where c.account_id = ? and c.published order by c.embedding <=> (select v from q)"
                        + " limit " + candidates + ") h";
        var sql = "with q as materialized (select cast(? as halfvec) as v, " + tsquery(configs, allWords ? "&" : "|")
                + " as t),"
                + " vec as (select id, row_number() over (order by d, id) as r from (" + vectorCandidates + ") x),"
                + " fts as (select id, row_number() over (order by rank desc, id) as r from ("
                // ts_rank, not ts_rank_cd: cover density costs ~13 µs per matching passage against ~2 µs (bench/kb),
                // and on stackfaq the text list ranked by frequency is better (recall@3 0.858 vs 0.824; fused 0.975
                // vs 0.969).
                + "   select c.id, ts_rank(c.search_tsv, (select t from q)) as rank from "
                + "(select id, search_tsv from " + partition + " where "
                // An account that holds most of its partition is best served by the text index alone; its generic
                // plan (planned once, see KnowledgeSearch.scope) would otherwise intersect the index with the
                // account's 100,000 published entries: 8 of a 19 ms search (bench/kb). "+ 0" keeps the index out.
                + (dominant ? "account_id + 0 = ?" : "account_id = ?") + " and published"
                + " and search_tsv @@ (select t from q)" + (allWords ? " limit " + FTS_RANKED_UP_TO : "") + ") c"
                + "   order by rank desc limit " + candidates + ") y),"
                + " fused as (select id, sum(s) as score"
                + "   from ("
                + switch (fusion) {
                    case HYBRID ->
                        "select id, 1.0 / (" + RRF_K + " + r) as s from vec union all select id, " + TEXT_WEIGHT
                                + " / (" + RRF_K + " + r) from fts";
                    case VECTOR -> "select id, 1.0 / (" + RRF_K + " + r) as s from vec";
                    case TEXT -> "select id, 1.0 / (" + RRF_K + " + r) as s from fts";
                }
                + ") u"
                + "   group by id order by score desc, id limit " + limit + ")"
                + " select c.id, c.article_id, a.title, c.heading, c.content, f.score,"
                + "   1 - (c.embedding <=> (select v from q)) as similarity,"
                + "   ts_headline(" + Languages.configSql("a.language") + ", c.content, (select t from q),"
                + "     'StartSel=\u0001, StopSel=\u0002, MaxWords=35, MinWords=15, MaxFragments=2,"
                + " FragmentDelimiter=\" … \"') as headline"
                + " from fused f join " + partition + " c on c.account_id = ? and c.id = f.id"
                + " join kb_articles a on a.account_id = c.account_id and a.id = c.article_id"
                + " order by f.score desc, f.id";
        return sql;
    }

    static Object[] searchBinds(long accountId, float[] query, String words) {
        return new Object[] {vector(query), words, accountId, accountId, accountId};
    }

    /**
     * The query's words joined by {@code operator} in each text-search configuration the account's articles use (the
     * query's language is not known; each extra configuration adds its own lexemes to the query, so only those in
     * use). OR ("|", up to {@link KnowledgeSearch#ANY_WORD_UP_TO} chunks): a paraphrase that shares only some words
     * with a passage still finds it, and the rank prefers passages that match more of them; AND ("&", larger
     * accounts, see {@link #FTS_RANKED_UP_TO}). {@code words} holds only letters and digits joined by " | ".
     */
    private static String tsquery(List<String> configs, String operator) {
        var sb = new StringBuilder("(select ");
        var first = true;
        for (var config : configs) {
            if (!first) {
                sb.append(" || ");
            }
            first = false;
            sb.append("to_tsquery('").append(config).append("', w)");
        }
        var words = "|".equals(operator) ? "cast(? as text)" : "replace(cast(? as text), '|', '" + operator + "')";
        return sb.append(" from (select ").append(words).append(" as w) words)").toString();
    }

    static String vector(float[] v) {
        var sb = new StringBuilder(v.length * 10).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        return sb.append(']').toString();
    }
}
