package com.hummdesk.agents;

import com.hummdesk.auth.PasswordHasher;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the agents (account members), roles, availability, capacity, skills, languages feature. */
public final class AgentsModule {
    private final AgentsService service;

    public AgentsModule(Database db, EventBus events) {
        var hasher = new PasswordHasher();
        this.service = new AgentsService(db, events, hasher::hash);
    }

    public List<RouteModule> routes() {
        return List.of(new AgentsRoutes(service));
    }
}
