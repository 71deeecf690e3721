package com.hummdesk.cannedresponses;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the canned responses found by shortcut feature. */
public final class CannedResponsesModule {
    private final CannedResponsesService service;

    public CannedResponsesModule(Database db, EventBus events) {
        this.service = new CannedResponsesService(db);
    }

    public List<RouteModule> routes() {
        return List.of(new CannedResponsesRoutes(service));
    }
}
