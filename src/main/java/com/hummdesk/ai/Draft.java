package com.hummdesk.ai;

import java.util.List;
import java.util.Objects;

/**
 * A suggested reply for an agent to review; never sent on its own. Confidence (0..1) comes from the retrieval
 * scores and the classification; citedArticleIds are the articles the text relies on (a subset of the passages
 * offered); reasoning names the evidence.
 */
public record Draft(
        String text,
        double confidence,
        String reasoning,
        List<Long> citedArticleIds,
        String provider,
        String model,
        long latencyMs) {

    public Draft {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        citedArticleIds = citedArticleIds == null ? List.of() : List.copyOf(citedArticleIds);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }
}
