package com.hummdesk.bench;

import com.hummdesk.accounts.AccountService;
import com.hummdesk.jobs.Job;
import com.hummdesk.jobs.JobHandler;
import com.hummdesk.jobs.JobQueue;
import com.hummdesk.jobs.JobSettings;
import com.hummdesk.jobs.JobWorker;
import com.hummdesk.jobs.NewJob;
import com.hummdesk.platform.db.Database;
import com.hummdesk.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jobs per second through the queue with a trivial handler, against a fresh database cloned from the test template
 * (bench/jobs/run.sh). A job counts as processed when its row is gone (success recorded), not when its handler ran.
 *
 * <ul>
 *   <li>live: N jobs enqueued in transactions of {@code batch} jobs (enqueueAll) while the worker runs;
 *   <li>backlog: N jobs already queued, then one worker drains them;
 *   <li>enqueue(): N/5 jobs enqueued one call each in transactions of {@code batch}, as features do (no worker).
 * </ul>
 *
 * <p>Arguments: jobs (50000), batch (500), concurrency (JOB_CONCURRENCY, 8), pool size (16).
 */
public final class JobQueueBench {
    private static final String TYPE = "bench.noop";

    private final Database db;
    private final String databaseName;
    private final long account;
    private final JobSettings settings;
    private final JobQueue queue = new JobQueue(new SimpleMeterRegistry());
    private final AtomicLong runs = new AtomicLong();

    private JobQueueBench(Database db, String databaseName, long account, JobSettings settings) {
        this.db = db;
        this.databaseName = databaseName;
        this.account = account;
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        int jobs = arg(args, 0, 50_000);
        int batch = arg(args, 1, 500);
        int concurrency = arg(args, 2, 8);
        int pool = arg(args, 3, 16);
        var name = TestDatabases.create();
        try (var db = new Database(TestDatabases.appUrl(name), pool, null)) {
            long account = new AccountService(db, password -> password)
                    .createAccount("Bench", "Bench Owner", "bench@example.test", "bench-password")
                    .accountId();
            var settings = JobSettings.fromEnv(System.getenv()).withConcurrency(concurrency);
            System.out.printf(
                    "jobs=%d batch=%d concurrency=%d pool=%d lease=%ds poll=%dms%n",
                    jobs,
                    batch,
                    concurrency,
                    pool,
                    settings.lease().toSeconds(),
                    settings.pollInterval().toMillis());
            var bench = new JobQueueBench(db, name, account, settings);
            bench.live(jobs / 10, batch); // warm-up: JIT, pool, plans
            bench.live(jobs, batch);
            bench.backlog(jobs, batch);
            bench.enqueueCalls(jobs / 5, batch);
        } finally {
            TestDatabases.drop(name);
        }
    }

    private void live(int jobs, int batch) throws InterruptedException {
        runs.set(0);
        var worker = worker();
        worker.start();
        long start = System.nanoTime();
        enqueueAll(jobs, batch);
        long enqueued = System.nanoTime();
        awaitEmpty(jobs);
        long finished = System.nanoTime();
        worker.stop();
        report("live", jobs, start, enqueued, start, finished);
    }

    private void backlog(int jobs, int batch) throws InterruptedException {
        runs.set(0);
        long start = System.nanoTime();
        enqueueAll(jobs, batch);
        long enqueued = System.nanoTime();
        var worker = worker();
        worker.start();
        awaitEmpty(jobs);
        long finished = System.nanoTime();
        worker.stop();
        report("backlog", jobs, start, enqueued, enqueued, finished);
    }

    private void enqueueCalls(int jobs, int batch) {
        long start = System.nanoTime();
        for (int sent = 0; sent < jobs; sent += batch) {
            int n = Math.min(batch, jobs - sent);
            db.runInAccount(account, tx -> {
                for (int i = 0; i < n; i++) {
                    queue.enqueue(tx, account, TYPE, Map.of("n", i));
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("enqueue() %,d jobs, one call each: %,.0f jobs/s (%.2f s)%n", jobs, jobs / seconds, seconds);
        db.runInAccount(account, tx -> tx.execute("delete from jobs"));
    }

    private void enqueueAll(int jobs, int batch) {
        for (int sent = 0; sent < jobs; sent += batch) {
            var chunk = new ArrayList<NewJob>();
            for (int i = sent; i < Math.min(jobs, sent + batch); i++) {
                chunk.add(NewJob.of(TYPE, Map.of("n", i)));
            }
            db.runInAccount(account, tx -> queue.enqueueAll(tx, account, chunk));
        }
    }

    /**
     * Until every job's row is gone, i.e. its success is recorded. Counting the table is not free (a few ms of the
     * database's CPU), so it is counted only once every handler has run.
     */
    private void awaitEmpty(int jobs) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (runs.get() < jobs || remaining() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(remaining() + " jobs never finished");
            }
            Thread.sleep(runs.get() < jobs ? 5 : 20);
        }
    }

    private int remaining() {
        return db.inAccount(
                account, tx -> tx.fetchSingle("select count(*) from jobs").get(0, Integer.class));
    }

    private JobWorker worker() {
        var worker = new JobWorker(db, TestDatabases.appUrl(databaseName), new SimpleMeterRegistry(), settings);
        worker.register(new JobHandler() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public void handle(Job job) {
                runs.incrementAndGet();
            }
        });
        return worker;
    }

    private void report(String run, int jobs, long start, long enqueued, long processingStart, long finished) {
        double enqueueSeconds = (enqueued - start) / 1e9;
        double processSeconds = (finished - processingStart) / 1e9;
        double totalSeconds = (finished - start) / 1e9;
        System.out.printf(
                "%-8s %,d jobs: enqueue %,.0f jobs/s (%.2f s), processing %,.0f jobs/s (%.2f s), end to end %,.0f"
                        + " jobs/s (%.2f s); handler runs %,d%n",
                run,
                jobs,
                jobs / enqueueSeconds,
                enqueueSeconds,
                jobs / processSeconds,
                processSeconds,
                jobs / totalSeconds,
                totalSeconds,
                runs.get());
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
