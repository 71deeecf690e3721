package com.hummdesk.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The worker's meters: counters and timers per job type, and the queue depth per type and state. */
final class JobMetrics {
    private final MeterRegistry meters;
    private final MultiGauge depth;

    /** Rows of the depth gauge. */
    record Depth(String type, String status, long count) {}

    JobMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.depth = MultiGauge.builder("jobs.depth")
                .description("Jobs in the table per type and state, all accounts (same on every node: use max)")
                .register(meters);
    }

    void started(String type, Duration waited) {
        counter("jobs.started", "Job attempts started", type).increment();
        Timer.builder("jobs.queue.latency")
                .description("From due (enqueued, retry due or lease expired) to started")
                .tag("type", type)
                .register(meters)
                .record(waited);
    }

    void succeeded(String type, long runNanos) {
        counter("jobs.succeeded", "Job attempts that succeeded", type).increment();
        runTime(type, "succeeded").record(runNanos, TimeUnit.NANOSECONDS);
    }

    void failed(String type, long runNanos) {
        counter("jobs.failed", "Job attempts that threw (retried or dead)", type)
                .increment();
        runTime(type, "failed").record(runNanos, TimeUnit.NANOSECONDS);
    }

    void dead(String type) {
        counter("jobs.dead", "Jobs moved to dead, out of attempts", type).increment();
    }

    void reclaimed(String type) {
        counter("jobs.reclaimed", "Jobs claimed again after their worker's lease expired", type)
                .increment();
    }

    void depth(List<Depth> rows) {
        depth.register(
                rows.stream()
                        .map(row -> MultiGauge.Row.of(Tags.of("type", row.type(), "status", row.status()), row.count()))
                        .toList(),
                true);
    }

    private Counter counter(String name, String description, String type) {
        return Counter.builder(name).description(description).tag("type", type).register(meters);
    }

    private Timer runTime(String type, String outcome) {
        return Timer.builder("jobs.run")
                .description("Handler run time per attempt")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(meters);
    }
}
