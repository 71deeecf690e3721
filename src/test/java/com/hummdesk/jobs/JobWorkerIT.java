package com.hummdesk.jobs;

import static com.hummdesk.jobs.JobTestKit.eventually;
import static com.hummdesk.jobs.JobTestKit.handler;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A worker runs due jobs, retries failures with growing waits, buries jobs out of attempts, wakes on NOTIFY. */
class JobWorkerIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestApp app = new TestApp();

    private final JobTestKit kit = new JobTestKit(app);

    @AfterEach
    void stopWorkers() {
        kit.stopAll();
    }

    record Greeting(String text, int times) {}

    @Test
    void a_succeeded_job_ran_once_with_its_payload_and_leaves_the_table() throws Exception {
        long account = Fixtures.tenant(app, "Runs").accountId();
        var seen = new CopyOnWriteArrayList<Job>();
        kit.worker(JobTestKit.FAST, handler("greet.send", seen::add));

        long id = kit.enqueue(account, "greet.send", new Greeting("hello", 2));

        eventually(WAIT, "the job is gone", () -> kit.jobs(account).isEmpty());
        assertThat(seen).hasSize(1);
        var job = seen.getFirst();
        assertThat(job.id()).isEqualTo(id);
        assertThat(job.accountId()).isEqualTo(account);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.payloadAs(Greeting.class)).isEqualTo(new Greeting("hello", 2));
        assertThat(kit.meters.counter("jobs.succeeded", "type", "greet.send").count())
                .isEqualTo(1);
    }

    @Test
    void a_job_failing_twice_succeeds_on_its_third_attempt_after_growing_waits() throws Exception {
        long account = Fixtures.tenant(app, "Flaky").accountId();
        var attempts = new CopyOnWriteArrayList<Integer>();
        var policy = RetryPolicy.attempts(5, Duration.ofMillis(400));
        kit.worker(JobTestKit.FAST, handler("flaky.call", policy, job -> {
            attempts.add(job.attempt());
            if (job.attempt() < 3) {
                throw new IllegalStateException("upstream unavailable, attempt " + job.attempt());
            }
        }));

        kit.enqueue(account, "flaky.call", Map.of());
        // Each failed state, as the table shows it between attempts.
        var waiting = new ArrayList<JobTestKit.JobRow>();
        eventually(WAIT, "the job succeeded", () -> {
            var rows = kit.jobs(account);
            rows.stream()
                    .filter(row -> row.status().equals("failed"))
                    .filter(row -> waiting.stream().noneMatch(seen -> seen.attempts() == row.attempts()))
                    .forEach(waiting::add);
            return rows.isEmpty();
        });

        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(waiting).extracting(JobTestKit.JobRow::attempts).containsExactly(1, 2);
        assertThat(waiting.get(1).runAt()).isAfter(waiting.get(0).runAt());
        assertThat(waiting.get(0).lastError()).contains("upstream unavailable, attempt 1");
        assertThat(waiting.get(1).lastError()).contains("upstream unavailable, attempt 2");
    }

    @Test
    void an_always_failing_job_is_dead_after_its_attempts_with_the_last_error_kept() throws Exception {
        long account = Fixtures.tenant(app, "Doomed").accountId();
        var calls = new AtomicInteger();
        kit.worker(JobTestKit.FAST, handler("doomed.call", RetryPolicy.attempts(3, Duration.ofMillis(20)), job -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad input on attempt " + job.attempt());
        }));

        kit.enqueue(account, "doomed.call", Map.of());

        eventually(
                WAIT,
                "the job is dead",
                () -> kit.jobs(account).getFirst().status().equals("dead"));
        var dead = kit.jobs(account).getFirst();
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError())
                .startsWith("java.lang.IllegalArgumentException: bad input on attempt 3")
                .contains("\tat com.hummdesk.jobs.");
        // Nothing runs a dead job again.
        Thread.sleep(300);
        assertThat(calls).hasValue(3);
        assertThat(kit.meters.counter("jobs.dead", "type", "doomed.call").count())
                .isEqualTo(1);
    }

    @Test
    void a_notification_starts_a_new_job_at_once_even_with_a_long_poll_interval() throws Exception {
        long account = Fixtures.tenant(app, "Notified").accountId();
        var started = new AtomicLong();
        var slowPolling = JobTestKit.FAST.withPollInterval(Duration.ofSeconds(30));
        var worker = kit.worker(slowPolling, handler("notify.me", job -> started.set(System.nanoTime())));
        eventually(WAIT, "the worker listens", () -> listeners() > 0);
        // The dispatcher's first round (on start) is over and it now sleeps for up to 30 s.
        Thread.sleep(200);

        long enqueued = System.nanoTime();
        kit.enqueue(account, "notify.me", Map.of());

        eventually(Duration.ofSeconds(5), "the job started", () -> started.get() != 0);
        assertThat(Duration.ofNanos(started.get() - enqueued)).isLessThan(Duration.ofMillis(500));
        assertThat(worker.id()).isNotBlank();
    }

    @Test
    void a_scheduled_job_waits_for_its_time() throws Exception {
        long account = Fixtures.tenant(app, "Scheduled").accountId();
        var ranAt = new AtomicLong();
        kit.worker(JobTestKit.FAST, handler("later.run", job -> ranAt.set(System.currentTimeMillis())));
        var due = Instant.now().plusMillis(800);

        app.app()
                .database()
                .inAccount(
                        account,
                        tx -> kit.queue.enqueue(
                                tx, account, NewJob.of("later.run", Map.of()).runAt(due)));

        eventually(WAIT, "the job ran", () -> ranAt.get() != 0);
        assertThat(ranAt.get()).isGreaterThanOrEqualTo(due.toEpochMilli());
    }

    @Test
    void jobs_of_a_type_without_a_handler_stay_queued() throws Exception {
        long account = Fixtures.tenant(app, "Unhandled").accountId();
        var ran = new CountDownLatch(1);
        kit.worker(JobTestKit.FAST, handler("known.type", job -> ran.countDown()));

        kit.enqueue(account, "unknown.type", Map.of());
        kit.enqueue(account, "known.type", Map.of());

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        eventually(WAIT, "the known job is done", () -> kit.jobs(account).size() == 1);
        var left = kit.jobs(account).getFirst();
        assertThat(left.type()).isEqualTo("unknown.type");
        assertThat(left.status()).isEqualTo("queued");
        assertThat(left.attempts()).isZero();
    }

    @Test
    void no_more_jobs_run_at_once_than_the_concurrency_allows() throws Exception {
        long account = Fixtures.tenant(app, "Bounded").accountId();
        var now = new AtomicInteger();
        var most = new AtomicInteger();
        kit.worker(JobTestKit.FAST.withConcurrency(3), handler("bounded.run", job -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.sleep(50);
            now.decrementAndGet();
        }));

        app.app()
                .database()
                .runInAccount(
                        account,
                        tx -> kit.queue.enqueueAll(
                                tx, account, java.util.Collections.nCopies(15, NewJob.of("bounded.run", Map.of()))));

        eventually(WAIT, "all jobs ran", () -> kit.jobs(account).isEmpty());
        assertThat(most).hasValue(3);
    }

    @Test
    void stopping_a_worker_lets_its_running_jobs_finish() throws Exception {
        long account = Fixtures.tenant(app, "Drained").accountId();
        var entered = new CountDownLatch(1);
        var finished = new AtomicInteger();
        var worker = kit.worker(JobTestKit.FAST, handler("slow.finish", job -> {
            entered.countDown();
            Thread.sleep(400);
            finished.incrementAndGet();
        }));
        kit.enqueue(account, "slow.finish", Map.of());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        assertThat(finished).hasValue(1);
        assertThat(kit.jobs(account)).isEmpty();
    }

    /** Sessions of this test database waiting for notifications (the app's own worker and the test's). */
    private static int listeners() {
        return app.app().database().global(tx -> tx.fetchSingle(
                        "select count(*) from pg_stat_activity where datname = current_database()"
                                + " and query ilike 'LISTEN%'")
                .get(0, Integer.class));
    }
}
