package com.hummdesk.conversations;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import com.hummdesk.platform.security.ContactSession;
import java.util.List;
import java.util.function.Function;

/** Builds the conversations feature: the agent API and the public inbox API through which customers write in. */
public final class ConversationsModule {
    public ConversationsModule(Database db, EventBus events, Function<ContactSession, String> contactTokens) {}

    public List<RouteModule> routes() {
        return List.of();
    }
}
