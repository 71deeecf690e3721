package com.hummdesk.jobs;

import static com.hummdesk.jobs.JobTestKit.eventually;
import static com.hummdesk.jobs.JobTestKit.handler;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two workers share one queue: SKIP LOCKED claims give every job to exactly one of them. */
class JobExclusivityIT {
    private static final int JOBS = 400;

    @RegisterExtension
    static final TestApp app = new TestApp();

    private final JobTestKit kit = new JobTestKit(app);

    @AfterEach
    void stopWorkers() {
        kit.stopAll();
    }

    @Test
    void a_claim_takes_no_more_jobs_than_it_asks_for_and_the_oldest_first() {
        long account = Fixtures.tenant(app, "Limit").accountId();
        var jobs = new ArrayList<NewJob>();
        for (int i = 0; i < 60; i++) {
            jobs.add(NewJob.of("limit.work", Map.of("i", i)));
        }
        app.app().database().runInAccount(account, tx -> kit.queue.enqueueAll(tx, account, jobs));
        var transactions = new WorkerTransactions(app.app().database());
        var repository = new JobRepository();

        var claimed = transactions.run(
                tx -> repository.claim(tx, java.util.List.of("limit.work"), 7, Duration.ofMinutes(1), "test"));
        var again = transactions.run(
                tx -> repository.claim(tx, java.util.List.of("limit.work"), 7, Duration.ofMinutes(1), "test"));

        assertThat(claimed).hasSize(7);
        assertThat(again).hasSize(7);
        assertThat(claimed)
                .allSatisfy(claim -> assertThat(claim.job().attempt()).isEqualTo(1));
        assertThat(kit.jobs(account).stream().filter(job -> job.status().equals("running")))
                .hasSize(14);
    }

    @Test
    void two_workers_never_run_one_job_at_once_and_run_every_job_once() {
        var accounts = new long[] {
            Fixtures.tenant(app, "ShareA").accountId(),
            Fixtures.tenant(app, "ShareB").accountId()
        };
        var running = new ConcurrentHashMap<Long, AtomicInteger>();
        var mostAtOnce = new AtomicInteger();
        var runs = new ConcurrentHashMap<Long, AtomicInteger>();
        var perWorker = new ConcurrentHashMap<String, AtomicInteger>();
        for (var name : new String[] {"first", "second"}) {
            kit.worker(JobTestKit.FAST, handler("shared.work", job -> {
                int now = running.computeIfAbsent(job.id(), id -> new AtomicInteger())
                        .incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
                perWorker.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                running.get(job.id()).decrementAndGet();
            }));
        }

        for (int batch = 0; batch < JOBS / 50; batch++) {
            long account = accounts[batch % 2];
            var jobs = new ArrayList<NewJob>();
            for (int i = 0; i < 50; i++) {
                jobs.add(NewJob.of("shared.work", Map.of("i", i)));
            }
            app.app().database().runInAccount(account, tx -> kit.queue.enqueueAll(tx, account, jobs));
        }

        eventually(
                Duration.ofSeconds(30),
                "every job ran",
                () -> runs.size() == JOBS
                        && kit.jobs(accounts[0]).isEmpty()
                        && kit.jobs(accounts[1]).isEmpty());
        assertThat(mostAtOnce).hasValue(1);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(perWorker.keySet()).containsExactlyInAnyOrder("first", "second");
    }
}
