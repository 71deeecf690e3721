package com.hummdesk.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.ai.local.SentenceEncoder;
import com.hummdesk.ai.local.SharedEncoder;
import com.hummdesk.platform.http.Json;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads the knowledge-base search benchmark's data (bench/kb/run.sh) into an empty, migrated database whose kb_chunks
 * has no secondary indexes yet: 100 accounts, account 1 with 100,000 published chunks and 99 others with 9,091 each
 * (1,000,009 in all), in articles of 10 chunks, inserted interleaved across accounts as a live system would.
 *
 * <p>The text is real: ~3,000 source passages, StackFAQ's threads chunked by the app's own {@link Chunker} and
 * banking77 customer messages (titled by their intent). Each source is embedded once with the app's encoder exactly as
 * the app embeds a chunk ({@link Chunk#embeddingText}); every generated chunk copies a source's text and full-text
 * vector and gets that embedding plus Gaussian noise, renormalised, at cosine ≈ 0.9 to it — so the vector space has
 * the real model's structure with ~330 near-duplicates around each real passage, a hard case for an ANN index.
 *
 * <p>Arguments: JDBC URL of a superuser connection, path to ../shared/data. Prints timings on stderr.
 */
public final class KbBenchLoad {
    static final int ACCOUNTS = 100;
    static final int BIG = 100_000;
    static final int SMALL = 9_091;
    static final int PER_ARTICLE = 10;
    static final double NOISE = Math.sqrt(1 / 0.81 - 1); // |g| ≈ 1, g ⟂ v: cos(v, v + a·g) = 1/sqrt(1 + a²) = 0.9

    record Source(String title, String content, float[] embedding, String tsv) {}

    public static void main(String[] args) throws Exception {
        var url = args[0];
        var data = Path.of(args.length > 1 ? args[1] : "../shared/data");
        long t0 = System.nanoTime();
        var texts = new ArrayList<String[]>(); // title, content
        for (var line : Files.readAllLines(data.resolve("stackfaq/faq_kb.jsonl"))) {
            JsonNode node = Json.mapper().readTree(line);
            var body = new StringBuilder();
            node.get("answers").forEach(a -> body.append(a.asText()).append("\n\n"));
            var title = node.get("question").asText();
            for (var chunk : Chunker.chunk(title, body.toString())) {
                texts.add(new String[] {title, chunk.content()});
            }
        }
        var banking = Files.readAllLines(data.resolve("banking77/train.csv"));
        var rnd = new Random(42);
        var rows = new ArrayList<>(banking.subList(1, banking.size()));
        Collections.shuffle(rows, rnd);
        int taken = 0;
        for (var row : rows) {
            int comma = row.lastIndexOf(',');
            if (taken == 2_000) {
                break;
            }
            if (comma <= 0) {
                continue; // a continuation line of a quoted multi-line message
            }
            taken++;
            var text = row.substring(0, comma).replaceAll("^\"|\"$", "").replace("\"\"", "\"");
            var intent = row.substring(comma + 1).replace('_', ' ');
            var title = Character.toUpperCase(intent.charAt(0)) + intent.substring(1);
            texts.add(new String[] {title, text});
        }
        var encoder = SharedEncoder.get();
        var sources = new ArrayList<Source>(texts.size());
        try (Connection c = DriverManager.getConnection(url)) {
            renice(c);
            var ps = c.prepareStatement(
                    "select (setweight(to_tsvector('english', ?), 'A')" + " || to_tsvector('english', ?))::text");
            for (var t : texts) {
                ps.setString(1, t[0]);
                ps.setString(2, t[1]);
                String tsv;
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    tsv = rs.getString(1);
                }
                var embedding = encoder.embed(new Chunk(0, "", t[1]).embeddingText(t[0]));
                sources.add(new Source(t[0], t[1], embedding, tsv));
            }
            System.err.printf(
                    Locale.ROOT, "%d sources embedded in %.1f s%n", sources.size(), (System.nanoTime() - t0) / 1e9);

            // Articles in a random interleaving of accounts; ids in that order, as a live system assigns them.
            var articleAccounts = new ArrayList<Integer>();
            for (int a = 1; a <= ACCOUNTS; a++) {
                int chunks = a == 1 ? BIG : SMALL;
                int articles = (chunks + PER_ARTICLE - 1) / PER_ARTICLE;
                for (int i = 0; i < articles; i++) {
                    articleAccounts.add(a);
                }
            }
            Collections.shuffle(articleAccounts, rnd);
            var remaining = new int[ACCOUNTS + 1];
            for (int a = 1; a <= ACCOUNTS; a++) {
                remaining[a] = a == 1 ? BIG : SMALL;
            }
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("insert into accounts (id, name) select g, 'KB bench ' || g from generate_series(1, "
                        + ACCOUNTS + ") g");
            }
            var pg = c.unwrap(PGConnection.class);
            // Each article: PER_ARTICLE consecutive sources (wrapping), the article titled by its first one's title.
            var articleSource = new int[articleAccounts.size()];
            try (var out = new BufferedWriter(
                    new OutputStreamWriter(
                            new PGCopyOutputStream(
                                    pg, "copy kb_articles (account_id, id, title, body, language, status) from stdin"),
                            StandardCharsets.UTF_8),
                    1 << 20)) {
                for (int i = 0; i < articleAccounts.size(); i++) {
                    articleSource[i] = rnd.nextInt(sources.size());
                    var s = sources.get(articleSource[i]);
                    out.write(articleAccounts.get(i) + "\t" + (i + 1) + "\t" + copy(s.title()) + "\t"
                            + copy(s.content()) + "\ten\tpublished\n");
                }
            }
            System.err.printf(
                    Locale.ROOT, "%d articles in %.1f s%n", articleAccounts.size(), (System.nanoTime() - t0) / 1e9);
            long chunkId = 0;
            var noise = new float[SentenceEncoder.DIMENSIONS];
            var v = new float[SentenceEncoder.DIMENSIONS];
            var line = new StringBuilder(8192);
            try (var out = new BufferedWriter(
                    new OutputStreamWriter(
                            new PGCopyOutputStream(
                                    pg,
                                    "copy kb_chunks (account_id, id, article_id, ordinal, published, heading, content,"
                                            + " embedding, search_tsv) from stdin"),
                            StandardCharsets.UTF_8),
                    1 << 20)) {
                for (int i = 0; i < articleAccounts.size(); i++) {
                    int account = articleAccounts.get(i);
                    int n = Math.min(PER_ARTICLE, remaining[account]);
                    remaining[account] -= n;
                    for (int o = 0; o < n; o++) {
                        var s = sources.get((articleSource[i] + o) % sources.size());
                        noisy(s.embedding(), rnd, noise, v);
                        line.setLength(0);
                        line.append(account)
                                .append('\t')
                                .append(++chunkId)
                                .append('\t')
                                .append(i + 1)
                                .append('\t')
                                .append(o)
                                .append("\tt\t\t")
                                .append(copy(s.content()))
                                .append("\t[");
                        for (int d = 0; d < v.length; d++) {
                            if (d > 0) {
                                line.append(',');
                            }
                            appendFloat(line, v[d]);
                        }
                        line.append("]\t").append(copy(s.tsv())).append('\n');
                        out.append(line);
                    }
                    if ((i + 1) % 10_000 == 0) {
                        System.err.printf(Locale.ROOT, "%d chunks, %.1f s%n", chunkId, (System.nanoTime() - t0) / 1e9);
                    }
                }
            }
            try (var st = c.createStatement()) {
                st.execute("select setval(pg_get_serial_sequence('accounts', 'id'), " + ACCOUNTS + ")");
                st.execute(
                        "select setval(pg_get_serial_sequence('kb_articles', 'id'), " + articleAccounts.size() + ")");
                st.execute("select setval(pg_get_serial_sequence('kb_chunks', 'id'), " + chunkId + ")");
            }
            c.commit();
            System.err.printf(Locale.ROOT, "%d chunks loaded in %.1f s%n", chunkId, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** v = normalise(source + a·g), g Gaussian with variance 1/dim per coordinate (|g| ≈ 1). */
    static void noisy(float[] source, Random rnd, float[] g, float[] v) {
        double sd = NOISE / Math.sqrt(source.length);
        double norm = 0;
        for (int d = 0; d < source.length; d++) {
            g[d] = (float) (source[d] + rnd.nextGaussian() * sd);
            norm += g[d] * (double) g[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < source.length; d++) {
            v[d] = (float) (g[d] / norm);
        }
    }

    /** Six decimals: |v[d]| ≤ 1, absolute error 5e-7, far below the noise; a third of Float.toString's length. */
    static void appendFloat(StringBuilder sb, float x) {
        long micro = Math.round(x * 1e6);
        if (micro < 0) {
            sb.append('-');
            micro = -micro;
        }
        sb.append(micro / 1_000_000).append('.');
        var frac = Long.toString(micro % 1_000_000);
        for (int i = frac.length(); i < 6; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** COPY text format escaping. */
    static String copy(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Lowers the load's server process priority (the machine is shared); best effort, needs the same host. */
    static void renice(Connection c) {
        try (var st = c.createStatement();
                var rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            new ProcessBuilder("renice", "-n", "10", "-p", Integer.toString(rs.getInt(1)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (Exception e) {
            // not on this host, or no renice: run at normal priority
        }
    }
}
