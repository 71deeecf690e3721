package com.hummdesk.jobs;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.util.List;

/** /api/admin/jobs: the account's queue for its admins and owners. */
final class JobAdminRoutes implements RouteModule {
    private static final String TAG = "Admin: jobs";
    private final JobAdminService service;

    record DeadJobs(List<DeadJob> jobs) {}

    record Retried(long id, String status) {}

    JobAdminRoutes(JobAdminService service) {
        this.service = service;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/admin/jobs",
                this::counts,
                Doc.of(TAG, "Jobs by state (queued, running, failed, dead), in total and per type")
                        .returns(JobCounts.class)
                        .description("Admins and owners only. Failed jobs are waiting for a retry."));
        api.get(
                "/api/admin/jobs/dead",
                this::dead,
                Doc.of(TAG, "Dead jobs (out of attempts) with their last error, newest first")
                        .query("limit", "how many (1-200, default 50)")
                        .returns(DeadJobs.class)
                        .description("Admins and owners only."));
        api.post(
                "/api/admin/jobs/{id}/retry",
                this::retry,
                Doc.of(TAG, "Queue a dead job again with a fresh set of attempts")
                        .returns(Retried.class)
                        .description("Admins and owners only. 409 when the job is not dead."));
    }

    private void counts(Context ctx) {
        ctx.json(service.counts(Requests.user(ctx)));
    }

    private void dead(Context ctx) {
        int limit = Requests.intQuery(ctx, "limit", 50, 1, 200);
        ctx.json(new DeadJobs(service.dead(Requests.user(ctx), limit)));
    }

    private void retry(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        service.retry(Requests.user(ctx), id);
        ctx.json(new Retried(id, JobRepository.QUEUED));
    }
}
