package com.hummdesk.drafts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Drafts generated (by provider, origin, grounded or not), their latency, feedback by outcome, edit distance. */
final class DraftMetrics {
    private final MeterRegistry meters;
    private final DistributionSummary editDistance;

    DraftMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.editDistance = DistributionSummary.builder("drafts.edit.distance")
                .description("Normalised edit distance between a draft and what the agent sent (accepted, edited)")
                .publishPercentiles(0.5, 0.9)
                .register(meters);
    }

    void generated(StoredDraft draft) {
        Counter.builder("drafts.generated")
                .description("Reply drafts stored")
                .tag("provider", draft.provider())
                .tag("origin", draft.origin())
                .tag("grounded", Boolean.toString(!draft.citedArticleIds().isEmpty()))
                .register(meters)
                .increment();
        Timer.builder("drafts.provider.latency")
                .description("Time the provider took to draft")
                .tag("provider", draft.provider())
                .publishPercentiles(0.5, 0.99)
                .register(meters)
                .record(Duration.ofMillis(draft.latencyMs()));
    }

    void feedback(StoredDraft draft) {
        Counter.builder("drafts.feedback")
                .description("Agents' feedback on drafts, by outcome")
                .tag("outcome", draft.status().wire())
                .register(meters)
                .increment();
        if (draft.editDistance() != null) {
            editDistance.record(draft.editDistance());
        }
    }
}
