package com.hummdesk.teams;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the teams and their members feature. */
public final class TeamsModule {
    private final TeamsService service;

    public TeamsModule(Database db, EventBus events) {
        this.service = new TeamsService(db);
    }

    public List<RouteModule> routes() {
        return List.of(new TeamsRoutes(service));
    }
}
