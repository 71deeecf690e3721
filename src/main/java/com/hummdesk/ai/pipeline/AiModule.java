package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.AiProvider;
import com.hummdesk.conversations.ConversationClassifications;
import com.hummdesk.conversations.ConversationHooks;
import com.hummdesk.jobs.JobQueue;
import com.hummdesk.jobs.JobWorker;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import com.hummdesk.routing.Router;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;

/**
 * Builds the AI triage pipeline in two steps, because conversations, routing and the pipeline need each other:
 * first the hooks conversations run in its transactions (enqueue the classify job, learn from corrections) and the
 * API; then, once routing exists, {@link #startPipeline} registers the classify job's handler.
 */
public final class AiModule {
    private final Database db;
    private final EventBus events;
    private final JobQueue jobs;
    private final AiProviders providers;
    private final AiMetrics metrics;
    private final AccountAi accounts = new AccountAi();
    private final ContextBuilder contexts;
    private final AiConversationHooks hooks;
    private final AiRoutes routes;
    private ClassificationPipeline pipeline;

    /** {@code remote}: the remote providers by name ({@code RemoteProviders.fromEnv}), or none. */
    public AiModule(
            Database db,
            EventBus events,
            JobQueue jobs,
            MeterRegistry meters,
            AiConfig config,
            AiProvider local,
            Map<String, AiProvider> remote) {
        this.db = db;
        this.events = events;
        this.jobs = jobs;
        this.providers = new AiProviders(local, remote, config.defaultProvider());
        this.metrics = new AiMetrics(meters);
        this.contexts = new ContextBuilder(accounts, new TriageFinder(), config.languages());
        this.hooks = new AiConversationHooks(jobs, accounts, metrics);
        this.routes = new AiRoutes(
                new ManualClassifyService(db, providers, accounts, contexts, metrics),
                new SettingsService(db, providers, accounts, contexts, config.languages()),
                new CategoriesService(db, accounts));
    }

    /** What conversations runs inside its transactions. */
    public ConversationHooks conversationHooks() {
        return hooks;
    }

    /**
     * Builds the classify job's handler and, with {@code run}, registers it on this node's worker. Test apps pass
     * false: their classify jobs stay queued, so other features' tests are not raced by background classification
     * (it sets categories, priorities and assignments); pipeline tests call {@link #runJobsOn} themselves.
     */
    public void startPipeline(JobWorker worker, ConversationClassifications conversations, Router router, boolean run) {
        this.pipeline = new ClassificationPipeline(
                db, events, jobs, providers, conversations, router, accounts, contexts, metrics);
        if (run) {
            runJobsOn(worker);
        }
    }

    /** Registers the {@code ai.classify} handler on a worker. */
    public void runJobsOn(JobWorker worker) {
        worker.register(requirePipeline());
    }

    /** Classifies a message as the job would, on the caller's thread (tests, benchmarks). */
    public void classifyNow(long accountId, long messageId) {
        requirePipeline().classify(accountId, messageId);
    }

    private ClassificationPipeline requirePipeline() {
        if (pipeline == null) {
            throw new IllegalStateException("startPipeline has not been called");
        }
        return pipeline;
    }

    /** The account's policies, which drafting providers follow. */
    public String policies(long accountId) {
        return db.inAccount(accountId, tx -> accounts.settings(tx, accountId)).policies();
    }

    /** The provider the deployment's default names (AI_PROVIDER), falling back to local when it is not configured. */
    public AiProvider defaultProvider() {
        return providers.forAccount(null);
    }

    public List<RouteModule> routes() {
        return List.of(routes);
    }
}
