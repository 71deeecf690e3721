package com.hummdesk.conversations;

import com.hummdesk.conversations.publicapi.PublicInboxRoutes;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import com.hummdesk.platform.security.ContactSession;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** Builds the conversations feature: the agent API and the public inbox API through which customers write in. */
public final class ConversationsModule {
    private final ConversationRoutes agentRoutes;
    private final PublicInboxRoutes publicRoutes;
    private final ConversationAssignments assignments;
    private final ConversationClassifications classifications = new ClassificationWriter();

    public ConversationsModule(Database db, EventBus events, Function<ContactSession, String> contactTokens) {
        this(db, events, contactTokens, ConversationHooks.NONE);
    }

    /** {@code hooks}: what the AI pipeline does inside conversations' transactions. */
    public ConversationsModule(
            Database db, EventBus events, Function<ContactSession, String> contactTokens, ConversationHooks hooks) {
        var messages = new MessageService(db, events, hooks);
        this.agentRoutes =
                new ConversationRoutes(new ConversationService(db, events, hooks, Clock.systemUTC()), messages);
        this.publicRoutes = new PublicInboxRoutes(db, messages, contactTokens);
        this.assignments = new AssignmentService(events);
    }

    public List<RouteModule> routes() {
        return List.of(agentRoutes, publicRoutes);
    }

    /** How routing assigns conversations (in its own transaction). */
    public ConversationAssignments assignments() {
        return assignments;
    }

    /** How the AI pipeline records a classification (in its own transaction). */
    public ConversationClassifications classifications() {
        return classifications;
    }
}
