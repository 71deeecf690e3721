package com.hummdesk.ai.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The pipeline's meters: classifications by provider and source, their latency, auto-assignments, corrections. */
final class AiMetrics {
    private final MeterRegistry meters;
    private final Counter autoAssigned;
    private final Counter corrections;

    AiMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.autoAssigned = Counter.builder("ai.auto_assigned")
                .description("Conversations assigned because a classification was confident enough")
                .register(meters);
        this.corrections = Counter.builder("ai.corrections")
                .description("Categories changed by agents (counted when written; includes rolled-back changes)")
                .register(meters);
    }

    void classified(String provider, String source, Duration latency) {
        Counter.builder("ai.classifications")
                .description("Messages classified")
                .tag("provider", provider)
                .tag("source", source)
                .register(meters)
                .increment();
        Timer.builder("ai.classification.latency")
                .description("Time a provider took to classify one message")
                .tag("provider", provider)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters)
                .record(latency);
    }

    void autoAssigned() {
        autoAssigned.increment();
    }

    void corrected() {
        corrections.increment();
    }
}
