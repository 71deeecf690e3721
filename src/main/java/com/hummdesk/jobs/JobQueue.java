package com.hummdesk.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Enqueues jobs inside the caller's transaction, so a job exists exactly when the data that causes it does: call it
 * with the {@code DSLContext} of a feature's {@code db.inAccount(accountId, tx -> ...)}. Row-level security refuses
 * a job for any other account than the transaction's. Workers are woken when the transaction commits.
 */
public final class JobQueue {
    private final JobRepository repository = new JobRepository();
    private final MeterRegistry meters;

    public JobQueue(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Enqueues a job due now; returns its id. */
    public long enqueue(DSLContext tx, long accountId, String type, Object payload) {
        return enqueue(tx, accountId, NewJob.of(type, payload))
                .orElseThrow(() -> new IllegalStateException("a job without a dedupe key cannot be deduplicated"));
    }

    /** Enqueues a job; empty when its dedupe key matches a job of the same type still waiting to run. */
    public Optional<Long> enqueue(DSLContext tx, long accountId, NewJob job) {
        var id = repository.insert(tx, accountId, job);
        if (id.isPresent()) {
            enqueued(job.type()).increment();
        }
        return id;
    }

    /** Enqueues many jobs in one statement (fan-out, bulk producers); returns how many were inserted. */
    public int enqueueAll(DSLContext tx, long accountId, List<NewJob> jobs) {
        var insertedTypes = repository.insertAll(tx, accountId, jobs);
        insertedTypes.stream()
                .collect(Collectors.groupingBy(type -> type, Collectors.counting()))
                .forEach((type, count) -> enqueued(type).increment(count));
        return insertedTypes.size();
    }

    /**
     * Counted when the insert runs, before the caller's transaction commits: a rolled-back enqueue is counted too.
     * The depth gauges, read from the table, are exact.
     */
    private Counter enqueued(String type) {
        return Counter.builder("jobs.enqueued")
                .description("Jobs enqueued (counted at insert; includes enqueues later rolled back)")
                .tag("type", type)
                .register(meters);
    }
}
