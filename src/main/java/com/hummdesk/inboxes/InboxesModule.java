package com.hummdesk.inboxes;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the inboxes admin feature. */
public final class InboxesModule {
    private final InboxesService service;

    public InboxesModule(Database db) {
        this.service = new InboxesService(db);
    }

    public List<RouteModule> routes() {
        return List.of(new InboxesRoutes(service));
    }
}
