package com.hummdesk.jobs;

import static com.hummdesk.platform.db.generated.Tables.JOBS;

import com.hummdesk.testing.TestApp;
import com.hummdesk.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Builds job workers against a {@link TestApp}'s database (beside the app's own worker, which has no handlers for
 * the tests' job types and so never claims their jobs), and reads the jobs table.
 */
final class JobTestKit {
    /** Short enough for tests; the heartbeat runs at a third of it. */
    static final JobSettings FAST =
            JobSettings.DEFAULTS.withPollInterval(Duration.ofMillis(100)).withDrainTimeout(Duration.ofSeconds(5));

    private final TestApp app;
    private final List<JobWorker> workers = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final JobQueue queue = new JobQueue(meters);

    record JobRow(long id, String type, String status, int attempts, OffsetDateTime runAt, String lastError) {}

    interface Work {
        void run(Job job) throws Exception;
    }

    JobTestKit(TestApp app) {
        this.app = app;
    }

    /** A started worker with these handlers; stopped by {@link #stopAll()}. */
    JobWorker worker(JobSettings settings, JobHandler... handlers) {
        var worker = new JobWorker(app.app().database(), TestDatabases.appUrl(app.databaseName()), meters, settings);
        for (var handler : handlers) {
            worker.register(handler);
        }
        worker.start();
        workers.add(worker);
        return worker;
    }

    void stopAll() {
        workers.forEach(JobWorker::stop);
        workers.clear();
    }

    static JobHandler handler(String type, RetryPolicy policy, Work work) {
        return new JobHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public void handle(Job job) throws Exception {
                work.run(job);
            }

            @Override
            public RetryPolicy retryPolicy() {
                return policy;
            }
        };
    }

    static JobHandler handler(String type, Work work) {
        return handler(type, RetryPolicy.DEFAULT, work);
    }

    long enqueue(long accountId, String type, Object payload) {
        return app.app().database().inAccount(accountId, tx -> queue.enqueue(tx, accountId, type, payload));
    }

    List<JobRow> jobs(long accountId) {
        return app.app().database().inAccount(accountId, tx -> tx.select(
                        JOBS.ID, JOBS.TYPE, JOBS.STATUS, JOBS.ATTEMPTS, JOBS.RUN_AT, JOBS.LAST_ERROR)
                .from(JOBS)
                .where(JOBS.ACCOUNT_ID.eq(accountId))
                .orderBy(JOBS.ID)
                .fetch(r -> new JobRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    static void eventually(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
