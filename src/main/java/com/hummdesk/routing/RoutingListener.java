package com.hummdesk.routing;

import com.hummdesk.agents.AgentAvailabilityChanged;
import com.hummdesk.agents.AgentPresenceChanged;
import com.hummdesk.agents.Availability;
import com.hummdesk.conversations.ConversationAssigned;
import com.hummdesk.conversations.ConversationCreated;
import com.hummdesk.conversations.ConversationUpdated;
import com.hummdesk.conversations.Status;
import com.hummdesk.platform.events.EventBus;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What starts routing: a new conversation, an agent coming online, a conversation resolved or taken from its
 * assignee by hand. Events arrive on the publisher's thread after its commit; the work runs on routing's own few
 * threads, so the request that caused it never waits and routing holds at most that many pooled connections.
 * Routing's own assignments (no actor) trigger nothing.
 */
final class RoutingListener {
    private static final Logger log = LoggerFactory.getLogger(RoutingListener.class);

    private final RoutingService routing;
    private final Executor executor;

    private final boolean routeNewConversations;

    RoutingListener(RoutingService routing, Executor executor, boolean routeNewConversations) {
        this.routing = routing;
        this.executor = executor;
        this.routeNewConversations = routeNewConversations;
    }

    void subscribeTo(EventBus events) {
        if (routeNewConversations) {
            events.subscribe(
                    ConversationCreated.class,
                    e -> run(
                            "route a new conversation",
                            () -> routing.route(e.accountId(), e.conversationId(), Trigger.CONVERSATION_CREATED)));
        }
        events.subscribe(AgentAvailabilityChanged.class, e -> {
            if (e.availability() == Availability.ONLINE) {
                run("drain the queue", () -> routing.drain(e.accountId(), e.userId(), Trigger.AGENT_ONLINE));
            }
        });
        events.subscribe(AgentPresenceChanged.class, e -> {
            if (e.reachable()) {
                run("drain the queue", () -> routing.drain(e.accountId(), e.userId(), Trigger.AGENT_ONLINE));
            }
        });
        events.subscribe(ConversationUpdated.class, e -> {
            if (resolved(e)) {
                run("free capacity", () -> routing.resolved(e.accountId(), e.conversationId()));
            }
        });
        events.subscribe(ConversationAssigned.class, e -> {
            if (e.actorUserId() != null) {
                run(
                        "free capacity",
                        () -> routing.reassigned(
                                e.accountId(), e.conversationId(), e.assigneeId(), e.previousAssigneeId()));
            }
        });
    }

    private static boolean resolved(ConversationUpdated e) {
        return e.changes().stream()
                .anyMatch(c ->
                        c.field().equals("status") && Status.RESOLVED.wire().equals(c.to()));
    }

    private void run(String what, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Routing could not {}", what, e);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            log.warn("Routing is shutting down; did not {}", what);
        }
    }
}
