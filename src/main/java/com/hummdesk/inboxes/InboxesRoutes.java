package com.hummdesk.inboxes;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.errors.Enums;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;

/** /api/inboxes. */
final class InboxesRoutes implements RouteModule {
    private static final String TAG = "Inboxes";
    private final InboxesService inboxes;

    /** For POST name is required; for PATCH every field is optional, and teamId null clears the team. */
    public record InboxRequest(String name, String routingStrategy, Long teamId) {}

    /** The key an account's site signs customers' emails with (identity verification of the public API). */
    public record IdentitySecret(String identitySecret) {}

    InboxesRoutes(InboxesService inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/inboxes",
                this::list,
                Doc.of(TAG, "List the account's inboxes")
                        .query("page", "1-based page (default 1)")
                        .query("pageSize", "1..100 (default 100)")
                        .returns(InboxPage.class));
        api.post(
                "/api/inboxes",
                this::create,
                Doc.of(TAG, "Create an inbox (admins and owners)")
                        .body(InboxRequest.class)
                        .returns(201, Inbox.class)
                        .description("routingStrategy is manual, round_robin or load_balanced (default); the public"
                                + " identifier customers' integrations use is generated and returned as publicId."));
        api.get("/api/inboxes/{id}", this::get, Doc.of(TAG, "One inbox").returns(Inbox.class));
        api.get(
                "/api/inboxes/{id}/identity-secret",
                this::identitySecret,
                Doc.of(TAG, "The inbox's identity-verification secret (admins and owners)")
                        .returns(IdentitySecret.class)
                        .description("Your site's server sends identifierHash = lowercase hex HMAC-SHA256(this secret,"
                                + " the customer's lowercased email) with the email when it opens a contact session;"
                                + " only then does the session reach that email's existing contact. Keep it secret."));
        api.patch(
                "/api/inboxes/{id}",
                this::update,
                Doc.of(TAG, "Change an inbox (admins and owners)")
                        .body(InboxRequest.class)
                        .returns(Inbox.class));
        api.delete(
                "/api/inboxes/{id}",
                this::delete,
                Doc.of(TAG, "Delete an inbox that has no conversations (admins and owners; 409 otherwise)")
                        .returns(204, null));
    }

    private void list(Context ctx) {
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int pageSize = Requests.intQuery(ctx, "pageSize", 100, 1, 100);
        ctx.json(inboxes.list(Requests.user(ctx), page, pageSize));
    }

    private void get(Context ctx) {
        ctx.json(inboxes.get(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void identitySecret(Context ctx) {
        ctx.json(new IdentitySecret(inboxes.identitySecret(Requests.user(ctx), Requests.pathId(ctx, "id"))));
    }

    private void create(Context ctx) {
        var user = Requests.user(ctx);
        var body = Requests.body(ctx, InboxRequest.class);
        ctx.status(201).json(inboxes.create(user, changes(body, body.teamId() != null)));
    }

    private void update(Context ctx) {
        var user = Requests.user(ctx);
        long id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, InboxRequest.class);
        var given = Requests.body(ctx, JsonNode.class);
        ctx.json(inboxes.update(user, id, changes(body, given.has("teamId"))));
    }

    private void delete(Context ctx) {
        inboxes.delete(Requests.user(ctx), Requests.pathId(ctx, "id"));
        ctx.status(204);
    }

    private static InboxesService.InboxChanges changes(InboxRequest body, boolean teamGiven) {
        return new InboxesService.InboxChanges(
                body.name(),
                body.routingStrategy() == null
                        ? null
                        : Enums.parse(RoutingStrategy.class, "routingStrategy", body.routingStrategy()),
                teamGiven,
                body.teamId());
    }
}
