package com.hummdesk.jobs;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Runs one claimed job and records its outcome: done (deleted, in batches), retry later, or dead. */
final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final String workerId;
    private final WorkerTransactions transactions;
    private final JobRepository repository;
    private final JobMetrics metrics;
    private final Function<String, JobHandler> handlers;
    private final Wakeup wakeup;
    private final Completions completions;
    private final BooleanSupplier abandoned;

    /** {@code abandoned} turns true when the worker stopped without waiting for its jobs: record nothing then. */
    JobRunner(
            String workerId,
            WorkerTransactions transactions,
            JobRepository repository,
            JobMetrics metrics,
            Function<String, JobHandler> handlers,
            Wakeup wakeup,
            Completions completions,
            BooleanSupplier abandoned) {
        this.workerId = workerId;
        this.transactions = transactions;
        this.repository = repository;
        this.metrics = metrics;
        this.handlers = handlers;
        this.wakeup = wakeup;
        this.completions = completions;
        this.abandoned = abandoned;
    }

    void run(Claim claim) {
        var job = claim.job();
        MDC.put("job", job.type() + "#" + job.id());
        try {
            metrics.started(job.type(), claim.waited());
            var handler = handlers.apply(job.type());
            var policy = handler.retryPolicy();
            if (claim.reclaimed()) {
                metrics.reclaimed(job.type());
                log.warn(
                        "Job {} {} is running again (attempt {}): its worker's lease expired",
                        job.type(),
                        job.id(),
                        job.attempt());
                if (job.attempt() > policy.maxAttempts()) {
                    // Its last attempt never reported back (the worker died each time); do not run it once more.
                    bury(
                            job,
                            new IllegalStateException("The worker running its last attempt stopped before"
                                    + " finishing (lease expired); the job may have had its effect."));
                    return;
                }
            }
            long started = System.nanoTime();
            Throwable failure = null;
            try {
                handler.handle(job);
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                failure = e;
            }
            if (abandoned.getAsBoolean()) {
                return;
            }
            record(job, System.nanoTime() - started, failure, policy);
        } catch (RuntimeException e) {
            // The outcome could not be written (database down?): the lease expires and the job runs again.
            log.error("Could not record the outcome of job {} {}", job.type(), job.id(), e);
        } finally {
            MDC.remove("job");
        }
    }

    private void record(Job job, long runNanos, Throwable failure, RetryPolicy policy) {
        if (failure == null) {
            metrics.succeeded(job.type(), runNanos);
            completions.succeeded(job);
            return;
        }
        metrics.failed(job.type(), runNanos);
        if (job.attempt() >= policy.maxAttempts()) {
            bury(job, failure);
            return;
        }
        Duration delay =
                policy.delayAfter(job.attempt(), ThreadLocalRandom.current().nextDouble());
        log.warn(
                "Job {} {} failed (attempt {}), retrying in {} ms: {}",
                job.type(),
                job.id(),
                job.attempt(),
                delay.toMillis(),
                failure.toString());
        if (!transactions.run(tx -> repository.retryLater(tx, workerId, job, delay, ErrorExcerpt.of(failure)))) {
            lostLease(job);
        }
        wakeup.within(delay);
    }

    private void bury(Job job, Throwable failure) {
        metrics.dead(job.type());
        log.error("Job {} {} is dead after {} attempts", job.type(), job.id(), job.attempt(), failure);
        if (!transactions.run(tx -> repository.bury(tx, workerId, job, ErrorExcerpt.of(failure)))) {
            lostLease(job);
        }
    }

    private static void lostLease(Job job) {
        log.warn(
                "Job {} {} attempt {} finished after its lease expired; another worker has it now",
                job.type(),
                job.id(),
                job.attempt());
    }
}
