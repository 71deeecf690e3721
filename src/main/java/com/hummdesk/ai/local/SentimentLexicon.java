package com.hummdesk.ai.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small hand-made polarity lexicon (resource ai/sentiment-lexicon.tsv) with negation and emoticons. Its words
 * carry sentiment the English-only embedding misses in Finnish and German, and it sharpens the embedding's
 * verdict on English ("love", "worst").
 */
final class SentimentLexicon {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Set<String> NEGATORS = Set.of(
            "not",
            "no",
            "never",
            "don't",
            "doesn't",
            "didn't",
            "isn't",
            "wasn't",
            "aren't",
            "can't",
            "cannot",
            "won't",
            "wouldn't",
            "nothing",
            "ei",
            "en",
            "et",
            "emme",
            "eivät",
            "nicht",
            "kein",
            "keine",
            "nie",
            "inte",
            "aldrig");
    private static final Map<String, Double> EMOTICONS = Map.of(
            ":)", 1.5, ":-)", 1.5, ":d", 2.0, "<3", 2.0, "😀", 2.0, "😊", 2.0, "👍", 1.5, ":(", -2.0, ":-(", -2.0, "😡",
            -2.5);

    /** The score (positive is good) and the words that counted, for the reasoning. */
    record Score(double value, List<String> words) {}

    private final Map<String, Double> exact;
    private final List<Map.Entry<String, Double>> prefixes;

    private SentimentLexicon(Map<String, Double> exact, List<Map.Entry<String, Double>> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    static SentimentLexicon load() {
        var exact = new HashMap<String, Double>();
        var prefixes = new ArrayList<Map.Entry<String, Double>>();
        try (var in = Objects.requireNonNull(
                        SentimentLexicon.class.getResourceAsStream("/ai/sentiment-lexicon.tsv"),
                        "ai/sentiment-lexicon.tsv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var parts = line.split("\t");
                var word = parts[0].strip();
                double weight = Double.parseDouble(parts[1].strip());
                if (word.endsWith("*")) {
                    prefixes.add(Map.entry(word.substring(0, word.length() - 1), weight));
                } else {
                    exact.put(word, weight);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SentimentLexicon(Map.copyOf(exact), List.copyOf(prefixes));
    }

    Score score(String text) {
        var lower = text.toLowerCase(Locale.ROOT);
        var m = WORD.matcher(lower);
        double sum = 0;
        int negation = 0;
        var words = new ArrayList<String>();
        while (m.find()) {
            var word = m.group();
            if (NEGATORS.contains(word)) {
                negation = 3;
                continue;
            }
            var weight = weight(word);
            if (weight != null) {
                // A negated word flips and weakens ("not bad" is mildly good, "not good" fairly bad).
                sum += negation > 0 ? -0.5 * weight : weight;
                words.add(negation > 0 ? "not " + word : word);
            }
            negation = Math.max(0, negation - 1);
        }
        for (var emoticon : EMOTICONS.entrySet()) {
            int count = occurrences(lower, emoticon.getKey());
            if (count > 0) {
                sum += count * emoticon.getValue();
                words.add(emoticon.getKey());
            }
        }
        return new Score(sum, words);
    }

    private Double weight(String word) {
        var weight = exact.get(word);
        if (weight != null) {
            return weight;
        }
        for (var prefix : prefixes) {
            if (word.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }
}
