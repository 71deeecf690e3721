package com.hummdesk.cannedresponses;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the canned responses found by shortcut feature. */
public final class CannedResponsesModule {
    public CannedResponsesModule(Database db, EventBus events) {}

    public List<RouteModule> routes() {
        return List.of();
    }
}
