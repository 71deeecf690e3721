package com.hummdesk.jobs;

import com.hummdesk.platform.config.DatabaseUrl;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.http.RouteModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Builds the job queue feature: the {@link JobQueue} features enqueue with, this node's {@link JobWorker} (features
 * register their handlers on it before {@link #start()}), and the admin API.
 */
public final class JobsModule {
    private final JobQueue queue;
    private final JobWorker worker;
    private final JobAdminRoutes routes;

    public JobsModule(Database db, DatabaseUrl listenUrl, MeterRegistry meters, JobSettings settings) {
        this.queue = new JobQueue(meters);
        this.worker = new JobWorker(db, listenUrl, meters, settings);
        this.routes = new JobAdminRoutes(new JobAdminService(db));
    }

    public JobQueue queue() {
        return queue;
    }

    public JobWorker worker() {
        return worker;
    }

    public List<RouteModule> routes() {
        return List.of(routes);
    }

    public void start() {
        worker.start();
    }

    /** Drains running jobs up to the drain timeout; see {@link JobWorker#stop()}. */
    public void stop() {
        worker.stop();
    }
}
