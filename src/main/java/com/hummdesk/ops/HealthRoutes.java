package com.hummdesk.ops;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** /health for load balancers and /metrics for Prometheus. */
public final class HealthRoutes implements RouteModule {
    private final Database db;
    private final Supplier<String> redisStatus;
    private final Supplier<String> aiStatus;
    private final PrometheusMeterRegistry meters;

    /** A check answers "ok", "degraded", "down", or null when not configured. */
    public record Health(String status, Map<String, String> checks) {}

    public HealthRoutes(
            Database db, Supplier<String> redisStatus, Supplier<String> aiStatus, PrometheusMeterRegistry meters) {
        this.db = db;
        this.redisStatus = redisStatus;
        this.aiStatus = aiStatus;
        this.meters = meters;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/health",
                this::health,
                Doc.of("Ops", "Health of HummDesk and its dependencies")
                        .publicRoute()
                        .returns(Health.class)
                        .description("200 when the database answers (redis and ai may be degraded), 503 otherwise."));
        api.get(
                "/metrics",
                this::metrics,
                Doc.of("Ops", "Prometheus metrics (text format)").publicRoute());
    }

    private void health(Context ctx) {
        var checks = new LinkedHashMap<String, String>();
        boolean databaseUp = db.ping();
        checks.put("database", databaseUp ? "ok" : "down");
        var redis = redisStatus.get();
        if (redis != null) {
            checks.put("redis", redis);
        }
        checks.put("ai", aiStatus.get());
        var allOk = checks.values().stream().allMatch("ok"::equals);
        var status = !databaseUp ? "down" : allOk ? "ok" : "degraded";
        ctx.status(databaseUp ? 200 : 503).json(new Health(status, checks));
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape());
    }
}
