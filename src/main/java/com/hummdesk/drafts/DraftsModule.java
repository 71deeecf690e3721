package com.hummdesk.drafts;

import com.hummdesk.ai.AiProvider;
import com.hummdesk.jobs.JobWorker;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** Builds reply drafts and registers the {@code ai.draft} job handler on this node's worker. */
public final class DraftsModule {
    private final DraftService service;
    private volatile PassageRetriever retriever;

    public DraftsModule(
            Database db,
            EventBus events,
            JobWorker worker,
            AiProvider provider,
            PassageRetriever retriever,
            DraftPolicies policies,
            MeterRegistry meters) {
        this.retriever = retriever;
        this.service = new DraftService(
                db,
                events,
                provider,
                (accountId, query, limit) -> this.retriever.retrieve(accountId, query, limit),
                policies,
                new DraftMetrics(meters));
        worker.register(new DraftJobHandler(service));
    }

    /**
     * Replaces the passage source, for tests that stand in for the knowledge base (production passes its search to
     * the constructor).
     */
    public void retrieveWith(PassageRetriever replacement) {
        this.retriever = replacement;
    }

    public List<RouteModule> routes() {
        return List.of(new DraftRoutes(service));
    }
}
