package com.hummdesk.labels;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the conversation labels feature. */
public final class LabelsModule {
    public LabelsModule(Database db, EventBus events) {}

    public List<RouteModule> routes() {
        return List.of();
    }
}
