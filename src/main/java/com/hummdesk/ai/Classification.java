package com.hummdesk.ai;

import java.util.Objects;

/**
 * A provider's answer for one message. Category is one of the account's category names; confidence (0..1) is
 * calibrated so that answers at 0.85 or more are right at least that often on the development data; reasoning
 * names the evidence in one or two sentences; suggestedTeamId is null when the category has no team.
 */
public record Classification(
        String category,
        Priority priority,
        Sentiment sentiment,
        String language,
        double confidence,
        String reasoning,
        Long suggestedTeamId,
        String provider,
        String model,
        long latencyMs) {

    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }
}
