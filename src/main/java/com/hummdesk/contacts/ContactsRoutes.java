package com.hummdesk.contacts;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.util.Map;

/** /api/contacts. */
final class ContactsRoutes implements RouteModule {
    private static final String TAG = "Contacts";
    private final ContactsService contacts;

    /**
     * For POST name is required. For PATCH a missing field stays as it is, an empty email, phone or identifier
     * clears it, and attributes replaces the whole object.
     */
    public record ContactRequest(
            String name, String email, String phone, String identifier, Map<String, Object> attributes) {}

    public record MergeRequest(Long otherContactId) {}

    ContactsRoutes(ContactsService contacts) {
        this.contacts = contacts;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/contacts",
                this::list,
                Doc.of(TAG, "List and search contacts")
                        .query("q", "words (any order, prefixes) or any part of name, email, phone or identifier")
                        .query("page", "1-based page (default 1)")
                        .query("pageSize", "1..100 (default 25)")
                        .returns(ContactPage.class));
        api.post(
                "/api/contacts",
                this::create,
                Doc.of(TAG, "Create a contact")
                        .body(ContactRequest.class)
                        .returns(201, Contact.class)
                        .description("email is stored in lower case and unique in the account (409)."));
        api.get("/api/contacts/{id}", this::get, Doc.of(TAG, "One contact").returns(Contact.class));
        api.patch(
                "/api/contacts/{id}",
                this::update,
                Doc.of(TAG, "Change a contact").body(ContactRequest.class).returns(Contact.class));
        api.post(
                "/api/contacts/{id}/merge",
                this::merge,
                Doc.of(TAG, "Merge another contact into this one")
                        .body(MergeRequest.class)
                        .returns(MergeResult.class)
                        .description("Moves the other contact's conversations here, fills this contact's empty"
                                + " fields from it, then deletes it. Merging a contact into itself is a 422."));
        api.get(
                "/api/contacts/{id}/conversations",
                this::conversations,
                Doc.of(TAG, "A contact's conversations, most recent first")
                        .query("page", "1-based page (default 1)")
                        .query("pageSize", "1..100 (default 25)")
                        .returns(ContactConversationPage.class));
    }

    private void list(Context ctx) {
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int pageSize = Requests.intQuery(ctx, "pageSize", 25, 1, 100);
        ctx.json(contacts.list(Requests.user(ctx), ctx.queryParam("q"), page, pageSize));
    }

    private void create(Context ctx) {
        var body = Requests.body(ctx, ContactRequest.class);
        ctx.status(201).json(contacts.create(Requests.user(ctx), input(body)));
    }

    private void get(Context ctx) {
        ctx.json(contacts.get(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void update(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, ContactRequest.class);
        ctx.json(contacts.update(Requests.user(ctx), id, input(body)));
    }

    private void merge(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, MergeRequest.class);
        ctx.json(contacts.merge(Requests.user(ctx), id, body.otherContactId()));
    }

    private void conversations(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int pageSize = Requests.intQuery(ctx, "pageSize", 25, 1, 100);
        ctx.json(contacts.conversations(Requests.user(ctx), id, page, pageSize));
    }

    private static ContactInput input(ContactRequest body) {
        return new ContactInput(body.name(), body.email(), body.phone(), body.identifier(), body.attributes());
    }
}
