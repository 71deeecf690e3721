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

    /** Registers the {@code ai.classify} handler on this node's worker. */
    public void startPipeline(JobWorker worker, ConversationClassifications conversations, Router router) {
        this.pipeline = new ClassificationPipeline(
                db, events, jobs, providers, conversations, router, accounts, contexts, metrics);
        worker.register(pipeline);
    }

    /** Classifies a message as the job would, on the caller's thread (tests, benchmarks). */
    public void classifyNow(long accountId, long messageId) {
        if (pipeline == null) {
            throw new IllegalStateException("startPipeline has not been called");
        }
        pipeline.classify(accountId, messageId);
    }

    public List<RouteModule> routes() {
        return List.of(routes);
    }
}
