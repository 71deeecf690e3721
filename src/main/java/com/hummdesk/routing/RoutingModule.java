package com.hummdesk.routing;

import com.hummdesk.conversations.ConversationAssignments;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Builds smart routing and subscribes it to the events that start it. Closing it stops routing's threads (let it
 * finish what it started, briefly) before the database pool closes.
 */
public final class RoutingModule implements AutoCloseable {
    /** Routing's own threads: few, so that bursts queue here instead of taking every pooled connection. */
    static final int THREADS = 2;

    private final RoutingService service;
    private final ExecutorService executor;

    public RoutingModule(
            Database db,
            EventBus events,
            ConversationAssignments assignments,
            RoutingPresence presence,
            RoutingSettings settings) {
        var clock = Clock.systemUTC();
        var stats = new PerformanceStats(db, settings.performanceWindow(), settings.statsMaxAge(), clock);
        this.service = new RoutingService(db, assignments, presence, settings.lockScope(), stats, clock);
        this.executor = Executors.newFixedThreadPool(
                THREADS, Thread.ofPlatform().name("routing-", 1).daemon().factory());
        new RoutingListener(service, executor, settings.routeNewConversations()).subscribeTo(events);
    }

    public Router router() {
        return service;
    }

    public List<RouteModule> routes() {
        return List.of(new RoutingRoutes(service));
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
