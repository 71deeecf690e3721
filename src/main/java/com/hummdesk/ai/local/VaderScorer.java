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

/**
 * VADER-style valence (Hutto & Gilbert 2014) over its 7,500-entry English lexicon (resource ai/vader-lexicon.tsv,
 * MIT): word valences with the rules that matter most on short informal text — a negator among the three words
 * before flips and damps a word, boosters ("very", "slightly") scale it, an ALL-CAPS word in mixed-case text is
 * emphasised, "but" shifts weight to what follows, exclamation marks amplify. The Java ports on Maven Central are
 * unmaintained and pull in log4j 1.x and Lucene 6, so the lexicon is shipped and the rules are written here.
 * English only: other languages score 0 and are left to {@link SentimentLexicon} and the cues.
 */
final class VaderScorer {
    /** compound in [-1, 1]; positive and negative are the shares of the text's tokens' weight (0..1). */
    record Score(double compound, double positive, double negative) {}

    private static final String STRIP = ".,!?;:\"()[]{}";
    private static final double BOOST = 0.293;
    private static final double CAPS = 0.733;
    private static final double NEGATION = -0.74;
    private static final double EXCLAMATION = 0.292;
    private static final Set<String> NEGATORS = Set.of(
            "not",
            "no",
            "never",
            "none",
            "nobody",
            "nothing",
            "neither",
            "nor",
            "nowhere",
            "cannot",
            "can't",
            "don't",
            "doesn't",
            "didn't",
            "isn't",
            "wasn't",
            "aren't",
            "weren't",
            "won't",
            "wouldn't",
            "shouldn't",
            "couldn't",
            "haven't",
            "hasn't",
            "hadn't",
            "ain't",
            "dont",
            "doesnt",
            "didnt",
            "isnt",
            "wasnt",
            "arent",
            "cant",
            "wont",
            "wouldnt",
            "shouldnt",
            "couldnt",
            "havent",
            "hasnt",
            "without");
    private static final Map<String, Double> BOOSTERS = boosters();

    private final Map<String, Double> lexicon;

    private VaderScorer(Map<String, Double> lexicon) {
        this.lexicon = lexicon;
    }

    static VaderScorer load() {
        var lexicon = new HashMap<String, Double>();
        try (var in = Objects.requireNonNull(
                        VaderScorer.class.getResourceAsStream("/ai/vader-lexicon.tsv"), "ai/vader-lexicon.tsv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("# ") || line.isBlank()) {
                    continue;
                }
                var parts = line.split("\t");
                lexicon.put(parts[0], Double.parseDouble(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new VaderScorer(Map.copyOf(lexicon));
    }

    Score score(String text) {
        var tokens = tokens(text);
        var lower = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        boolean capsDiffer = tokens.stream().anyMatch(t -> t.length() > 1 && isUpper(t))
                && !tokens.stream().filter(VaderScorer::isAlpha).allMatch(VaderScorer::isUpper);
        var values = new double[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            var word = lower.get(i);
            var valence = lexicon.get(word);
            if (valence == null || BOOSTERS.containsKey(word)) {
                continue;
            }
            double v = valence;
            if (capsDiffer && tokens.get(i).length() > 1 && isUpper(tokens.get(i))) {
                v += v > 0 ? CAPS : -CAPS;
            }
            for (int k = 1; k <= 3 && i - k >= 0; k++) {
                var before = lower.get(i - k);
                var boost = BOOSTERS.get(before);
                if (boost != null) {
                    double b = boost * (k == 1 ? 1 : k == 2 ? 0.95 : 0.9);
                    v += v > 0 ? b : -b;
                }
                if (NEGATORS.contains(before) || before.endsWith("n't")) {
                    v *= NEGATION;
                }
            }
            values[i] = v;
        }
        int but = lower.indexOf("but");
        if (but >= 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
            }
        }
        double sum = 0;
        double positive = 0;
        double negative = 0;
        int neutral = 0;
        for (double v : values) {
            sum += v;
            if (v > 0) {
                positive += v + 1;
            } else if (v < 0) {
                negative += 1 - v;
            } else {
                neutral++;
            }
        }
        double exclamations = Math.min(text.chars().filter(c -> c == '!').count(), 4) * EXCLAMATION;
        sum += sum > 0 ? exclamations : sum < 0 ? -exclamations : 0;
        double total = positive + negative + neutral;
        return new Score(
                sum / Math.sqrt(sum * sum + 15), total == 0 ? 0 : positive / total, total == 0 ? 0 : negative / total);
    }

    /** Whitespace-separated tokens with punctuation trimmed from their ends (an emoticon made of it stays). */
    private static List<String> tokens(String text) {
        var out = new ArrayList<String>();
        for (var raw : text.strip().split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            int start = 0;
            int end = raw.length();
            while (start < end && STRIP.indexOf(raw.charAt(start)) >= 0) {
                start++;
            }
            while (end > start && STRIP.indexOf(raw.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(start == end ? raw : raw.substring(start, end));
        }
        return out;
    }

    /** Has a cased letter and no lower-case one (Python's str.isupper). */
    private static boolean isUpper(String token) {
        boolean cased = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    private static boolean isAlpha(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isLetter);
    }

    private static Map<String, Double> boosters() {
        var boosters = new HashMap<String, Double>();
        for (var word : ("absolutely amazingly awfully completely considerably decidedly deeply enormously entirely"
                        + " especially exceptionally extremely fabulously greatly highly hugely incredibly intensely"
                        + " majorly more most particularly purely quite really remarkably so substantially"
                        + " thoroughly totally tremendously uber unbelievably unusually utterly very")
                .split(" ")) {
            boosters.put(word, BOOST);
        }
        for (var word : ("almost barely hardly kind kinda less little marginally occasionally partly scarcely"
                        + " slightly somewhat sort sorta")
                .split(" ")) {
            boosters.put(word, -BOOST);
        }
        return Map.copyOf(boosters);
    }
}
