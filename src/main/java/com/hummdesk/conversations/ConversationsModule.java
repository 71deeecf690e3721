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

    public ConversationsModule(Database db, EventBus events, Function<ContactSession, String> contactTokens) {
        var messages = new MessageService(db, events);
        this.agentRoutes = new ConversationRoutes(new ConversationService(db, events, Clock.systemUTC()), messages);
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
}
