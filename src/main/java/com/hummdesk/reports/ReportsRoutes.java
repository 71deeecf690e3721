package com.hummdesk.reports;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;

/** /api/reports. */
final class ReportsRoutes implements RouteModule {
    private static final String TAG = "Reports";
    private final ReportsService reports;

    ReportsRoutes(ReportsService reports) {
        this.reports = reports;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/reports/overview",
                this::overview,
                Doc.of(TAG, "Volume, response and resolution times, and AI performance over a date range")
                        .query("from", "first day, YYYY-MM-DD (default: 29 days before to)")
                        .query("to", "last day, YYYY-MM-DD, included (default: today in tz)")
                        .query("tz", "IANA time zone the days are in (default UTC)")
                        .returns(ReportOverview.class)
                        .description("At most 366 days. Any member of the account may read reports."));
    }

    private void overview(Context ctx) {
        ctx.json(reports.overview(
                Requests.user(ctx),
                blankToNull(ctx.queryParam("from")),
                blankToNull(ctx.queryParam("to")),
                blankToNull(ctx.queryParam("tz"))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
