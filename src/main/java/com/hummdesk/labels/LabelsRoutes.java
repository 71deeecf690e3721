package com.hummdesk.labels;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;

/** /api/labels. */
final class LabelsRoutes implements RouteModule {
    private static final String TAG = "Labels";
    private final LabelsService labels;

    /** For POST every field but name is optional; for PATCH every field is, and a missing one stays as it is. */
    public record LabelRequest(String name, String color, String description) {}

    LabelsRoutes(LabelsService labels) {
        this.labels = labels;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/labels",
                this::list,
                Doc.of(TAG, "List the account's labels")
                        .query("page", "1-based page (default 1)")
                        .query("pageSize", "1..100 (default 100)")
                        .returns(LabelPage.class));
        api.post(
                "/api/labels",
                this::create,
                Doc.of(TAG, "Create a label (admins and owners)")
                        .body(LabelRequest.class)
                        .returns(201, Label.class)
                        .description("color is #rrggbb; names are unique in the account regardless of case (409)."));
        api.get("/api/labels/{id}", this::get, Doc.of(TAG, "One label").returns(Label.class));
        api.patch(
                "/api/labels/{id}",
                this::update,
                Doc.of(TAG, "Change a label (admins and owners)")
                        .body(LabelRequest.class)
                        .returns(Label.class));
        api.delete(
                "/api/labels/{id}",
                this::delete,
                Doc.of(TAG, "Delete a label and remove it from conversations (admins and owners)")
                        .returns(204, null));
    }

    private void list(Context ctx) {
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int pageSize = Requests.intQuery(ctx, "pageSize", 100, 1, 100);
        ctx.json(labels.list(Requests.user(ctx), page, pageSize));
    }

    private void get(Context ctx) {
        ctx.json(labels.get(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void create(Context ctx) {
        var body = Requests.body(ctx, LabelRequest.class);
        var label = labels.create(
                Requests.user(ctx), new LabelsService.LabelChanges(body.name(), body.color(), body.description()));
        ctx.status(201).json(label);
    }

    private void update(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, LabelRequest.class);
        ctx.json(labels.update(
                Requests.user(ctx), id, new LabelsService.LabelChanges(body.name(), body.color(), body.description())));
    }

    private void delete(Context ctx) {
        labels.delete(Requests.user(ctx), Requests.pathId(ctx, "id"));
        ctx.status(204);
    }
}
