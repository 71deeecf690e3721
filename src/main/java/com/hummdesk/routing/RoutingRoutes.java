package com.hummdesk.routing;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;

/** Why a conversation went to whom: the routing explanation the web app shows next to the assignee. */
final class RoutingRoutes implements RouteModule {
    private final RoutingService routing;

    RoutingRoutes(RoutingService routing) {
        this.routing = routing;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/conversations/{id}/routing",
                this::explain,
                Doc.of("Routing", "Why the conversation was assigned or queued: the latest routing decisions")
                        .returns(RoutingExplanation.class)
                        .description("Newest first (up to " + RoutingService.EXPLAINED_DECISIONS + "): trigger,"
                                + " strategy, outcome, the deciding rule, a one-line summary, the eligible"
                                + " candidates with their scores and how many agents were left out and why."));
        api.get(
                "/api/conversations/{id}/routing/preview",
                this::preview,
                Doc.of("Routing", "Whom routing would choose now, without assigning")
                        .returns(RoutingPreview.class)
                        .description("The same ranking as an automatic assignment, read-only: the suggested agent"
                                + " (null when nobody is eligible), the deciding rule, a summary, the best"
                                + " candidates with their scores and who was left out. Manual inboxes get a"
                                + " load_balanced suggestion."));
    }

    private void preview(Context ctx) {
        ctx.json(routing.preview(Requests.user(ctx).accountId(), Requests.pathId(ctx, "id")));
    }

    private void explain(Context ctx) {
        ctx.json(routing.explain(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }
}
