package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.Classification;

/**
 * A classification as the API shows it (the seed's fields first): category, priority, sentiment, language,
 * confidence (0..1), reasoning; then the provider and model that produced it, its latency and the suggested team.
 */
public record ClassificationView(
        String category,
        String priority,
        String sentiment,
        String language,
        double confidence,
        String reasoning,
        String provider,
        String model,
        long latencyMs,
        Long suggestedTeamId) {

    static ClassificationView of(Classification c) {
        return new ClassificationView(
                c.category(),
                c.priority().wire(),
                c.sentiment().wire(),
                c.language(),
                c.confidence(),
                c.reasoning(),
                c.provider(),
                c.model(),
                c.latencyMs(),
                c.suggestedTeamId());
    }

    /** POST /api/ai/classify's response: {@code {"classification": {...}}}. */
    public record Response(ClassificationView classification) {}
}
