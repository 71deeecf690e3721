package com.hummdesk.ai.local;

import com.hummdesk.ai.Priority;
import com.hummdesk.ai.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the one or two sentences that name the evidence behind a local classification. */
final class Reasoning {
    private static final int QUOTE = 60;

    private Reasoning() {}

    static String write(
            CategoryMatch match,
            List<CueHit> priorityCues,
            Priority priority,
            SentimentModel.Result sentiment,
            LanguageGuess language) {
        var first = match == null
                ? "No categories are configured for this account."
                : String.format(
                        Locale.ROOT,
                        "Closest to '%s' examples ('%s', similarity %.2f)%s.",
                        match.name(),
                        quote(match.nearestExample()),
                        match.nearestSimilarity(),
                        match.runnerUp().isEmpty() ? "" : "; runner-up '" + match.runnerUp() + "'");
        var parts = new ArrayList<String>();
        if (priorityCues.isEmpty()) {
            parts.add("priority " + priority.wire() + " (no urgency cues)");
        } else {
            parts.add("words " + quoted(priorityCues) + " set priority " + priority.wire());
        }
        var evidence = new ArrayList<String>();
        sentiment.frustrationCues().forEach(hit -> evidence.add("'" + hit.matched() + "'"));
        sentiment.lexicon().words().stream().limit(3).forEach(word -> evidence.add("'" + word + "'"));
        parts.add("sentiment " + sentiment.sentiment().wire()
                + (evidence.isEmpty() || sentiment.sentiment() == Sentiment.NEUTRAL
                        ? ""
                        : " ("
                                + String.join(
                                        ", ",
                                        evidence.stream().distinct().limit(4).toList()) + ")"));
        parts.add("language " + language.code() + " "
                + ("detected".equals(language.how()) ? "detected" : "from " + language.how()));
        var second = String.join("; ", parts);
        return first + " " + Character.toUpperCase(second.charAt(0)) + second.substring(1) + ".";
    }

    private static String quoted(List<CueHit> hits) {
        return String.join(
                ", ",
                hits.stream().map(hit -> "'" + hit.matched() + "'").distinct().toList());
    }

    private static String quote(String text) {
        var oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= QUOTE ? oneLine : oneLine.substring(0, QUOTE - 1) + "…";
    }
}
