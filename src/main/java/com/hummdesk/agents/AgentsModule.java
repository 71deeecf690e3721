package com.hummdesk.agents;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the agents (account members), roles, availability, capacity, skills, languages feature. */
public final class AgentsModule {
    public AgentsModule(Database db, EventBus events) {}

    public List<RouteModule> routes() {
        return List.of();
    }
}
