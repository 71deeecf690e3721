package com.hummdesk.ai.remote;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of one hosted provider, tagged provider and operation (classify, draft): ai.remote.calls (requests sent,
 * retries included), ai.remote.failures by kind (rate_limited, server_error, client_error, timeout, connection,
 * invalid_output, other) and ai.remote.fallbacks by reason (breaker_open, error, invalid_output). The breaker's
 * state and the retries are Resilience4j's own meters (resilience4j.circuitbreaker.*, resilience4j.retry.*).
 */
final class RemoteMetrics {
    private final MeterRegistry meters;
    private final String provider;

    RemoteMetrics(MeterRegistry meters, String provider) {
        this.meters = meters;
        this.provider = provider;
    }

    void call(String operation) {
        counter("ai.remote.calls", "Requests sent to a hosted AI provider", operation)
                .increment();
    }

    void failure(String operation, String kind) {
        Counter.builder("ai.remote.failures")
                .description("Hosted AI requests that failed or answered with invalid output")
                .tag("provider", provider)
                .tag("operation", operation)
                .tag("kind", kind)
                .register(meters)
                .increment();
    }

    void fallback(String operation, String reason) {
        Counter.builder("ai.remote.fallbacks")
                .description("Answers the local provider gave in place of a hosted one")
                .tag("provider", provider)
                .tag("operation", operation)
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    private Counter counter(String name, String description, String operation) {
        return Counter.builder(name)
                .description(description)
                .tag("provider", provider)
                .tag("operation", operation)
                .register(meters);
    }
}
