package com.hummdesk.jobs;

import static com.hummdesk.jobs.JobTestKit.eventually;
import static com.hummdesk.jobs.JobTestKit.handler;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /api/admin/jobs against the app's own queue and worker, and the queue's meters in /metrics. */
class JobAdminRoutesIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final JobTestKit kit = new JobTestKit(app);

    @Test
    void admins_see_their_accounts_jobs_by_state_and_type() {
        var tenant = Fixtures.tenant(app, "Counts");
        var other = Fixtures.tenant(app, "OtherCounts");
        long account = tenant.accountId();
        enqueue(account, "counts.unhandled");
        enqueue(account, "counts.unhandled");
        enqueue(other.accountId(), "counts.unhandled");
        buryOne(account, "counts.doomed");

        var response = app.get("/api/admin/jobs", tenant.token());

        assertThat(response.status()).isEqualTo(200);
        var body = response.json();
        assertThat(body.get("queued").asLong()).isEqualTo(2);
        assertThat(body.get("dead").asLong()).isEqualTo(1);
        assertThat(body.get("running").asLong()).isZero();
        assertThat(body.get("failed").asLong()).isZero();
        assertThat(body.get("types")).hasSize(2);
        var doomed = body.get("types").get(0);
        assertThat(doomed.get("type").asText()).isEqualTo("counts.doomed");
        assertThat(doomed.get("dead").asLong()).isEqualTo(1);
        var unhandled = body.get("types").get(1);
        assertThat(unhandled.get("type").asText()).isEqualTo("counts.unhandled");
        assertThat(unhandled.get("queued").asLong()).isEqualTo(2);
    }

    @Test
    void a_dead_job_is_listed_with_its_error_and_runs_again_when_retried() {
        var tenant = Fixtures.tenant(app, "Retry");
        long account = tenant.accountId();
        var broken = new AtomicBoolean(true);
        var succeeded = new AtomicInteger();
        app.app().jobs().worker().register(handler("retry.me", RetryPolicy.attempts(1, Duration.ZERO), job -> {
            if (broken.get()) {
                throw new IllegalStateException("the mail server said no");
            }
            succeeded.incrementAndGet();
        }));
        long id = enqueue(account, "retry.me");
        eventually(WAIT, "the job is dead", () -> "dead".equals(status(account, id)));

        var dead = app.get("/api/admin/jobs/dead", tenant.token());
        assertThat(dead.status()).isEqualTo(200);
        var listed = dead.json().get("jobs").get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(id);
        assertThat(listed.get("type").asText()).isEqualTo("retry.me");
        assertThat(listed.get("attempts").asInt()).isEqualTo(1);
        assertThat(listed.get("payload").get("n").asInt()).isEqualTo(1);
        assertThat(listed.get("lastError").asText()).contains("the mail server said no");

        broken.set(false);
        var retry = app.post("/api/admin/jobs/" + id + "/retry", Map.of(), tenant.token());

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("status").asText()).isEqualTo("queued");
        eventually(WAIT, "the retried job ran", () -> succeeded.get() == 1);
        eventually(WAIT, "the job is gone", () -> status(account, id) == null);
        assertThat(app.get("/api/admin/jobs/dead", tenant.token()).json().get("jobs"))
                .isEmpty();
    }

    @Test
    void only_dead_jobs_can_be_retried() {
        var tenant = Fixtures.tenant(app, "NotDead");
        long id = enqueue(tenant.accountId(), "waiting.job");

        var retry = app.post("/api/admin/jobs/" + id + "/retry", Map.of(), tenant.token());

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("error").get("code").asText()).isEqualTo("job_not_dead");
    }

    @Test
    void retrying_a_dead_job_whose_twin_is_queued_is_a_conflict() {
        var tenant = Fixtures.tenant(app, "Twin");
        long account = tenant.accountId();
        var job = NewJob.of("twin.doomed", Map.of()).dedupeKey("k");
        long deadId = buryOne(account, job);
        app.app().database().inAccount(account, tx -> kit.queue.enqueue(tx, account, job));

        var retry = app.post("/api/admin/jobs/" + deadId + "/retry", Map.of(), tenant.token());

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("error").get("code").asText()).isEqualTo("duplicate_job");
        assertThat(status(account, deadId)).isEqualTo("dead");
    }

    @Test
    void agents_may_not_see_or_retry_jobs() {
        var tenant = Fixtures.tenant(app, "Agents");
        long id = buryOne(tenant.accountId(), "agents.doomed");
        var email = "agent" + System.nanoTime() + "@example.test";
        app.app().accounts().addMember(tenant.accountId(), "Agent", email, Fixtures.PASSWORD, Role.AGENT);
        var agent = Fixtures.login(app, email, Fixtures.PASSWORD)
                .json()
                .get("accessToken")
                .asText();

        assertThat(app.get("/api/admin/jobs", agent).status()).isEqualTo(403);
        assertThat(app.get("/api/admin/jobs/dead", agent).status()).isEqualTo(403);
        assertThat(app.post("/api/admin/jobs/" + id + "/retry", Map.of(), agent).status())
                .isEqualTo(403);
        assertThat(app.get("/api/admin/jobs", null).status()).isEqualTo(401);
        assertThat(status(tenant.accountId(), id)).isEqualTo("dead");
    }

    @Test
    void another_accounts_job_does_not_exist_for_an_admin() {
        var owner = Fixtures.tenant(app, "Owner");
        var stranger = Fixtures.tenant(app, "Stranger");
        long id = buryOne(owner.accountId(), "foreign.doomed");

        var retry = app.post("/api/admin/jobs/" + id + "/retry", Map.of(), stranger.token());
        var missing = app.post("/api/admin/jobs/999999999/retry", Map.of(), stranger.token());
        var dead = app.get("/api/admin/jobs/dead", stranger.token());

        assertThat(retry.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(dead.json().get("jobs")).isEmpty();
        assertThat(status(owner.accountId(), id)).isEqualTo("dead");
    }

    @Test
    void the_dead_list_limit_is_validated() {
        var tenant = Fixtures.tenant(app, "Limit");

        assertThat(app.get("/api/admin/jobs/dead?limit=0", tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.get("/api/admin/jobs/dead?limit=5", tenant.token()).status())
                .isEqualTo(200);
    }

    @Test
    void metrics_show_the_queue_counters_timers_and_depth() {
        var tenant = Fixtures.tenant(app, "Metrics");
        var ran = new AtomicInteger();
        // Fails its first attempt and succeeds on the second, so every counter has something to count.
        app.app().jobs().worker().register(handler("metrics.tick", RetryPolicy.attempts(3, Duration.ZERO), job -> {
            ran.incrementAndGet();
            if (job.attempt() == 1) {
                throw new IllegalStateException("first time unlucky");
            }
        }));
        long account = tenant.accountId();
        app.app()
                .database()
                .inAccount(account, tx -> app.app().jobs().queue().enqueue(tx, account, "metrics.tick", Map.of()));
        eventually(WAIT, "the job succeeded", () -> ran.get() == 2 && status(account, 0) == null);

        var tick = "{type=\"metrics.tick\"}";
        eventually(WAIT, "the meters are published", () -> {
            var metrics = app.get("/metrics", null).text();
            return metrics.contains("jobs_enqueued_total" + tick + " 1.0")
                    && metrics.contains("jobs_started_total" + tick + " 2.0")
                    && metrics.contains("jobs_failed_total" + tick + " 1.0")
                    && metrics.contains("jobs_succeeded_total" + tick + " 1.0")
                    && metrics.contains("jobs_queue_latency_seconds_count" + tick + " 2")
                    && metrics.contains("jobs_run_seconds_count{outcome=\"failed\",type=\"metrics.tick\"} 1")
                    && metrics.contains("jobs_run_seconds_count{outcome=\"succeeded\",type=\"metrics.tick\"} 1")
                    && metrics.contains("jobs_depth{status=\"dead\",type=\"metrics.tick\"} 0.0");
        });
    }

    private static long enqueue(long account, String type) {
        return app.app()
                .database()
                .inAccount(account, tx -> app.app().jobs().queue().enqueue(tx, account, type, Map.of("n", 1)));
    }

    /** A job made dead by a worker of the test's own whose handler always fails, on its only attempt. */
    private static long buryOne(long account, String type) {
        return buryOne(account, NewJob.of(type, Map.of()));
    }

    private static long buryOne(long account, NewJob job) {
        var worker = kit.worker(JobTestKit.FAST, handler(job.type(), RetryPolicy.attempts(1, Duration.ZERO), j -> {
            throw new IllegalStateException("always fails");
        }));
        try {
            long id = app.app()
                    .database()
                    .inAccount(account, tx -> kit.queue.enqueue(tx, account, job))
                    .orElseThrow();
            eventually(WAIT, "the job is dead", () -> "dead".equals(status(account, id)));
            return id;
        } finally {
            worker.stop();
        }
    }

    /** The job's state, or null when it is gone (succeeded); id 0: any job of the account. */
    private static String status(long account, long id) {
        return kit.jobs(account).stream()
                .filter(job -> id == 0 || job.id() == id)
                .map(JobTestKit.JobRow::status)
                .findFirst()
                .orElse(null);
    }
}
