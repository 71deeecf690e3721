package com.hummdesk.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records succeeded jobs in batches: one DELETE per flush instead of a transaction per job, the worker's largest
 * cost otherwise. A succeeded job stays {@code running} (its lease extended by the heartbeat) until its batch is
 * written, a few milliseconds later; if the node dies in between, it runs again, as at-least-once allows.
 *
 * <p>The queue is bounded and {@link #succeeded} blocks when it is full, holding the job's slot: without that
 * backpressure a worker that claims faster than it can record (a busy database) piles up thousands of finished jobs
 * still marked running, whose lease updates and locks slow recording further (measured: 43,000 pending jobs and
 * 14 s per batch).
 */
final class Completions {
    private static final Logger log = LoggerFactory.getLogger(Completions.class);
    private static final int MAX_BATCH = 1_000;
    private static final long IDLE_WAIT_MILLIS = 100;

    private final WorkerTransactions transactions;
    private final JobRepository repository;
    private final String workerId;
    private final LinkedBlockingQueue<Job> pending;
    private volatile boolean running;
    private Thread flusher;

    Completions(WorkerTransactions transactions, JobRepository repository, String workerId, int capacity) {
        this.transactions = transactions;
        this.repository = repository;
        this.workerId = workerId;
        this.pending = new LinkedBlockingQueue<>(capacity);
    }

    /** Waits while the queue is full; interrupted (an abandoning shutdown), the job is left to its lease. */
    void succeeded(Job job) {
        try {
            pending.put(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start() {
        running = true;
        flusher = Thread.ofVirtual().name("jobs-completions").start(this::loop);
    }

    /** Writes what is pending, then stops. */
    void stop() {
        running = false;
        if (flusher != null) {
            try {
                flusher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushAll();
    }

    private void loop() {
        while (running) {
            try {
                var first = pending.poll(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    var batch = new ArrayList<Job>(List.of(first));
                    pending.drainTo(batch, MAX_BATCH - 1);
                    flush(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void flushAll() {
        var batch = new ArrayList<Job>();
        while (pending.drainTo(batch, MAX_BATCH) > 0) {
            flush(batch);
            batch.clear();
        }
    }

    private void flush(List<Job> batch) {
        try {
            int deleted = transactions.run(tx -> repository.deleteAll(tx, workerId, batch));
            if (deleted < batch.size()) {
                log.warn(
                        "{} of {} succeeded jobs finished after their lease expired; another worker has them now",
                        batch.size() - deleted,
                        batch.size());
            }
        } catch (RuntimeException e) {
            // Not written: their leases expire and they run again elsewhere (handlers are idempotent).
            log.error("Could not record {} succeeded jobs; they will run again", batch.size(), e);
        }
    }
}
