package com.hummdesk.jobs;

import static com.hummdesk.jobs.JobTestKit.eventually;
import static com.hummdesk.jobs.JobTestKit.handler;
import static com.hummdesk.platform.db.generated.Tables.LABELS;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A job whose worker dies mid-run runs again elsewhere once its lease expires; an idempotent effect stays single. */
class JobCrashRecoveryIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private final JobTestKit kit = new JobTestKit(app);

    @AfterEach
    void stopWorkers() {
        kit.stopAll();
    }

    @Test
    void a_job_whose_worker_died_after_its_effect_completes_on_another_worker_with_the_effect_once() throws Exception {
        long account = Fixtures.tenant(app, "Crash").accountId();
        var runs = new CopyOnWriteArrayList<String>();
        var effectDone = new CountDownLatch(1);
        var shortLease = JobTestKit.FAST.withLease(Duration.ofSeconds(1)).withDrainTimeout(Duration.ofMillis(100));
        // Worker A has its effect, then hangs before it can report success: it will be stopped without draining,
        // like a node that dies (the abandoned job is never recorded, its lease no longer extended).
        var dying = kit.worker(shortLease, handler("label.ensure", job -> {
            runs.add("A#" + job.attempt());
            ensureLabel(job);
            effectDone.countDown();
            new CountDownLatch(1).await();
        }));
        long id = kit.enqueue(account, "label.ensure", Map.of());
        assertThat(effectDone.await(10, TimeUnit.SECONDS)).isTrue();

        var survivor = kit.worker(shortLease, handler("label.ensure", job -> {
            runs.add("B#" + job.attempt());
            ensureLabel(job);
        }));
        // B must not take the job while A's lease is alive (A still extends it).
        Thread.sleep(1_500);
        assertThat(runs).containsExactly("A#1");
        dying.stop();

        eventually(Duration.ofSeconds(10), "the job is done", () -> kit.jobs(account)
                .isEmpty());
        assertThat(runs).containsExactly("A#1", "B#2");
        assertThat(labels(account)).containsExactly("job-" + id);
        assertThat(kit.meters.counter("jobs.reclaimed", "type", "label.ensure").count())
                .isEqualTo(1);
        assertThat(survivor.id()).isNotEqualTo(dying.id());
    }

    @Test
    void a_job_whose_worker_died_on_its_last_attempt_is_dead_rather_than_run_again() throws Exception {
        long account = Fixtures.tenant(app, "LastCrash").accountId();
        var started = new CountDownLatch(1);
        var runs = new CopyOnWriteArrayList<Integer>();
        var shortLease = JobTestKit.FAST.withLease(Duration.ofSeconds(1)).withDrainTimeout(Duration.ofMillis(100));
        var oneAttempt = RetryPolicy.attempts(1, Duration.ofMillis(10));
        var dying = kit.worker(shortLease, handler("once.only", oneAttempt, job -> {
            runs.add(job.attempt());
            started.countDown();
            new CountDownLatch(1).await();
        }));
        kit.enqueue(account, "once.only", Map.of());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        dying.stop();

        kit.worker(shortLease, handler("once.only", oneAttempt, job -> runs.add(job.attempt())));

        eventually(
                Duration.ofSeconds(10),
                "the job is dead",
                () -> kit.jobs(account).getFirst().status().equals("dead"));
        assertThat(runs).containsExactly(1);
        assertThat(kit.jobs(account).getFirst().lastError()).contains("lease expired");
    }

    private static void ensureLabel(Job job) {
        app.app().database().runInAccount(job.accountId(), tx -> tx.insertInto(LABELS, LABELS.ACCOUNT_ID, LABELS.NAME)
                .values(job.accountId(), "job-" + job.id())
                .onConflictDoNothing()
                .execute());
    }

    private static List<String> labels(long account) {
        return app.app().database().inAccount(account, tx -> tx.select(LABELS.NAME)
                .from(LABELS)
                .where(LABELS.ACCOUNT_ID.eq(account))
                .fetch(LABELS.NAME));
    }
}
