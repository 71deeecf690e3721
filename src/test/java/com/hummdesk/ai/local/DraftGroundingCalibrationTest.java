package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calibrates {@link GroundedDraftWriter#MIN_GROUNDING} on StackFAQ (../shared/data/stackfaq: 125 FAQ threads, 1,249
 * paraphrased user questions). For each question, the grounding of its own FAQ (what a retriever hands over when
 * the knowledge base has the answer) against the grounding of the best-matching <em>other</em> FAQ (what it hands
 * over when the answer is missing: the nearest wrong article). The threshold must keep most answerable questions
 * and turn most unanswerable ones into the honest no-answer draft. Skipped where the data set is absent.
 */
class DraftGroundingCalibrationTest {
    private static final Path DATA = Path.of("../shared/data/stackfaq");

    record Article(String id, Set<String> title, List<Set<String>> sentences) {
        Set<String> terms() {
            var all = new java.util.HashSet<>(title);
            sentences.forEach(all::addAll);
            return all;
        }
    }

    @Test
    void the_threshold_keeps_answerable_questions_and_drops_unanswerable_ones() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "StackFAQ is not available at " + DATA.toAbsolutePath());
        var articles = new HashMap<String, Article>();
        for (var line : Files.readAllLines(DATA.resolve("faq_kb.jsonl"))) {
            JsonNode node = Json.mapper().readTree(line);
            var answers = new StringBuilder();
            node.get("answers").forEach(a -> answers.append(a.asText()).append('\n'));
            var sentences = DraftText.sentences(answers.toString()).stream()
                    .map(DraftText.Sentence::terms)
                    .toList();
            articles.put(
                    node.get("faq_id").asText(),
                    new Article(
                            node.get("faq_id").asText(),
                            DraftText.terms(node.get("question").asText()),
                            sentences));
        }
        var gold = new ArrayList<Double>();
        var nearestWrong = new ArrayList<Double>();
        var otherWrong = new ArrayList<Double>();
        var ids = articles.keySet().stream().sorted().toList();
        for (var line : Files.readAllLines(DATA.resolve("queries.tsv")).subList(1, 1250)) {
            var columns = line.split("\t");
            var query = DraftText.terms(columns[0]);
            gold.add(grounding(query, articles.get(columns[1])));
            nearestWrong.add(articles.values().stream()
                    .filter(a -> !a.id().equals(columns[1]))
                    .mapToDouble(a -> grounding(query, a))
                    .max()
                    .orElse(0));
            // Any other article: what a retriever hands over when it finds nothing close.
            var other = ids.get((ids.indexOf(columns[1]) + 1 + query.size()) % ids.size());
            otherWrong.add(grounding(query, articles.get(other)));
        }
        var report = new StringBuilder("threshold  answerable-kept  nearest-wrong-grounded  other-wrong-grounded\n");
        for (double t : List.of(0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)) {
            double kept = share(gold, t);
            report.append(String.format(
                    Locale.ROOT,
                    "%.1f        %.3f            %.3f                   %.3f%n",
                    t,
                    kept,
                    share(nearestWrong, t),
                    share(otherWrong, t)));
        }
        System.out.println(report);
        double kept = share(gold, GroundedDraftWriter.MIN_GROUNDING);
        double wrong = share(otherWrong, GroundedDraftWriter.MIN_GROUNDING);
        assertThat(kept).as("answerable questions that get a grounded draft").isGreaterThanOrEqualTo(0.85);
        assertThat(wrong).as("unrelated articles that would be quoted anyway").isLessThanOrEqualTo(0.1);
    }

    private static double grounding(Set<String> query, Article article) {
        double best = 0;
        int w = GroundedDraftWriter.WINDOW;
        for (int i = 0; i < Math.max(1, article.sentences().size()); i++) {
            var window = new java.util.HashSet<>(article.title());
            for (int j = i; j < Math.min(article.sentences().size(), i + w); j++)
                window.addAll(article.sentences().get(j));
            int matched = (int) query.stream().filter(window::contains).count();
            best = Math.max(best, GroundedDraftWriter.grounding(matched, query.size()));
        }
        return best;
    }

    private static double share(List<Double> values, double threshold) {
        return values.stream().filter(v -> v >= threshold).count() / (double) values.size();
    }
}
