package com.hummdesk.labels;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the conversation labels feature. */
public final class LabelsModule {
    private final LabelsService service;

    public LabelsModule(Database db, EventBus events) {
        this.service = new LabelsService(db);
    }

    public List<RouteModule> routes() {
        return List.of(new LabelsRoutes(service));
    }
}
