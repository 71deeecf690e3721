package com.hummdesk.reports;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.http.RouteModule;
import java.time.Clock;
import java.util.List;

/** Builds the reports feature. */
public final class ReportsModule {
    private final ReportsService service;

    public ReportsModule(Database db, Clock clock) {
        this.service = new ReportsService(db, clock);
    }

    public List<RouteModule> routes() {
        return List.of(new ReportsRoutes(service));
    }
}
