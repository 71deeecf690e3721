package com.hummdesk.cannedresponses;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;

/** /api/canned-responses. */
final class CannedResponsesRoutes implements RouteModule {
    private static final String TAG = "Canned responses";
    private final CannedResponsesService service;

    /** For POST both fields are required; for PATCH a missing field stays as it is. */
    public record CannedResponseRequest(String shortCode, String content) {}

    CannedResponsesRoutes(CannedResponsesService service) {
        this.service = service;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/canned-responses",
                this::list,
                Doc.of(TAG, "List or search canned responses")
                        .query("search", "matches the start of the short code or any part of the content")
                        .query("page", "1-based page (default 1)")
                        .query("pageSize", "1..100 (default 25)")
                        .returns(CannedResponsePage.class));
        api.get(
                "/api/canned-responses/shortcut/{shortCode}",
                this::byShortCode,
                Doc.of(TAG, "Find a canned response by its exact short code").returns(CannedResponse.class));
        api.get(
                "/api/canned-responses/{id}",
                this::get,
                Doc.of(TAG, "One canned response").returns(CannedResponse.class));
        api.post(
                "/api/canned-responses",
                this::create,
                Doc.of(TAG, "Create a canned response (admins and owners)")
                        .body(CannedResponseRequest.class)
                        .returns(201, CannedResponse.class)
                        .description("shortCode: 1-50 of a-z, 0-9, - and _, unique (409); content at most"
                                + " 10,000 characters (413)."));
        api.patch(
                "/api/canned-responses/{id}",
                this::update,
                Doc.of(TAG, "Change a canned response (admins and owners)")
                        .body(CannedResponseRequest.class)
                        .returns(CannedResponse.class));
        api.delete(
                "/api/canned-responses/{id}",
                this::delete,
                Doc.of(TAG, "Delete a canned response (admins and owners)").returns(204, null));
    }

    private void list(Context ctx) {
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int pageSize = Requests.intQuery(ctx, "pageSize", 25, 1, 100);
        ctx.json(service.list(Requests.user(ctx), ctx.queryParam("search"), page, pageSize));
    }

    private void byShortCode(Context ctx) {
        ctx.json(service.byShortCode(Requests.user(ctx), ctx.pathParam("shortCode")));
    }

    private void get(Context ctx) {
        ctx.json(service.get(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void create(Context ctx) {
        var body = Requests.body(ctx, CannedResponseRequest.class);
        var created = service.create(
                Requests.user(ctx), new CannedResponsesService.Changes(body.shortCode(), body.content()));
        ctx.status(201).json(created);
    }

    private void update(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, CannedResponseRequest.class);
        ctx.json(service.update(
                Requests.user(ctx), id, new CannedResponsesService.Changes(body.shortCode(), body.content())));
    }

    private void delete(Context ctx) {
        service.delete(Requests.user(ctx), Requests.pathId(ctx, "id"));
        ctx.status(204);
    }
}
