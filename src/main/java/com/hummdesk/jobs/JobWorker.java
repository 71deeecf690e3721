package com.hummdesk.jobs;

import com.hummdesk.platform.config.DatabaseUrl;
import com.hummdesk.platform.db.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's job worker: claims due jobs of its registered types in batches (as many as it has free slots), runs each
 * on a virtual thread with at most {@link JobSettings#concurrency()} at once, extends the leases of running jobs,
 * and publishes the queue depth. It sleeps until a notification, a retry it scheduled, or the poll interval.
 */
public final class JobWorker {
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    private static final Duration SLOT_WAIT = Duration.ofMillis(250);

    private final String id;
    private final JobSettings settings;
    private final WorkerTransactions transactions;
    private final JobRepository repository = new JobRepository();
    private final JobMetrics metrics;
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final Wakeup wakeup = new Wakeup();
    private final JobListener listener;
    private final Semaphore slots;
    private final Completions completions;
    private final JobRunner runner;
    private final QueueDepth depth;
    private ExecutorService executor;
    private volatile ScheduledExecutorService housekeeping;
    private Thread dispatcher;
    private volatile boolean running;
    private volatile boolean abandoned;

    /** {@code listenUrl}: the application's database, for the dedicated LISTEN connection. */
    public JobWorker(Database db, DatabaseUrl listenUrl, MeterRegistry meters, JobSettings settings) {
        this.id = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.settings = settings;
        this.transactions = new WorkerTransactions(db);
        this.metrics = new JobMetrics(meters);
        this.listener = new JobListener(listenUrl, wakeup);
        this.slots = new Semaphore(settings.concurrency());
        // Finished jobs waiting to be recorded: enough for large batches, few enough to keep leases cheap.
        this.completions = new Completions(transactions, repository, id, Math.max(32, 4 * settings.concurrency()));
        this.runner = new JobRunner(
                id, transactions, repository, metrics, handlers::get, wakeup, completions, () -> abandoned);
        this.depth = new QueueDepth(transactions, metrics, handlers::keySet);
    }

    /** Adds the handler of a job type; jobs of types no handler is registered for stay queued. */
    public JobWorker register(JobHandler handler) {
        var previous = handlers.putIfAbsent(handler.type(), handler);
        if (previous != null && previous != handler) {
            throw new IllegalArgumentException("A handler for job type " + handler.type() + " is already registered");
        }
        wakeup.signal();
        var stats = housekeeping;
        if (running && stats != null) {
            // The new type's depth series exist from now on, not from the next refresh.
            stats.execute(depth::refresh);
        }
        return this;
    }

    /** This worker's name in {@code jobs.locked_by}: host and a random suffix. */
    public String id() {
        return id;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        abandoned = false;
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("job-", 0).factory());
        housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("jobs-housekeeping").daemon().factory());
        long heartbeat = Math.max(100, settings.lease().toMillis() / 3);
        housekeeping.scheduleWithFixedDelay(this::extendLeases, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(depth::refresh, 0, STATS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        completions.start();
        listener.start();
        dispatcher = Thread.ofVirtual().name("jobs-dispatcher").start(this::dispatch);
        log.info("Job worker {} started ({} at once)", id, settings.concurrency());
    }

    /**
     * Stops claiming, then waits up to the drain timeout for running jobs. Jobs still running after that are
     * abandoned: nothing more is recorded for them and another worker runs them again when their lease expires.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeup.signal();
        try {
            dispatcher.join();
            listener.stop();
            if (!slots.tryAcquire(
                    settings.concurrency(), settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                abandoned = true;
                log.warn(
                        "Job worker {} stopped with {} jobs still running; they will run again elsewhere",
                        id,
                        settings.concurrency() - slots.availablePermits());
                executor.shutdownNow();
            } else {
                slots.release(settings.concurrency());
                executor.shutdown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        } finally {
            // Succeeded jobs are written even when others were abandoned: their work is done.
            completions.stop();
            housekeeping.shutdownNow();
        }
        log.info("Job worker {} stopped", id);
    }

    private void dispatch() {
        while (running) {
            try {
                if (handlers.isEmpty()) {
                    wakeup.await(settings.pollInterval());
                    continue;
                }
                // All slots busy: wait for one, looking up now and then to notice stop().
                if (!slots.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                int free = 1 + slots.drainPermits();
                boolean full = claimAndRun(free);
                if (!full) {
                    wakeup.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A bug here must not end this node's job processing in silence.
                log.error("Job dispatcher failed; resuming in {} ms", ERROR_PAUSE.toMillis(), e);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ERROR_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims up to {@code free} jobs and starts them; true when it got all it asked for (there may be more). */
    private boolean claimAndRun(int free) {
        List<Claim> claims;
        try {
            var types = List.copyOf(handlers.keySet());
            claims = transactions.run(tx -> repository.claim(tx, types, free, settings.lease(), id));
        } catch (RuntimeException e) {
            slots.release(free);
            log.error("Could not claim jobs; retrying in {} ms", ERROR_PAUSE.toMillis(), e);
            pause();
            return false;
        }
        slots.release(free - claims.size());
        for (var claim : claims) {
            executor.execute(() -> {
                try {
                    runner.run(claim);
                } finally {
                    slots.release();
                }
            });
        }
        return claims.size() == free;
    }

    /** Also covers succeeded jobs still waiting for their batch to be written. */
    private void extendLeases() {
        try {
            transactions.run(tx -> repository.extendLeases(tx, id, settings.lease()));
        } catch (RuntimeException e) {
            log.warn("Could not extend job leases: {}", e.getMessage());
        }
    }

    private static String hostName() {
        var host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = "node";
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
