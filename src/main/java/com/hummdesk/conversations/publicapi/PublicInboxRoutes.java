package com.hummdesk.conversations.publicapi;

import com.hummdesk.conversations.Cursor;
import com.hummdesk.conversations.MessagePage;
import com.hummdesk.conversations.MessageService;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.http.Access;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import com.hummdesk.platform.security.ContactSession;
import io.javalin.http.Context;
import java.util.function.Function;

/** /api/public/inboxes/{inbox}: what customers call, with a contact token instead of a sign-in. */
public final class PublicInboxRoutes implements RouteModule {
    private static final String TAG = "Public inbox";
    private static final String BASE = "/api/public/inboxes/{inbox}";
    private static final String IDEMPOTENCY = "Send an Idempotency-Key header to make retries safe: a repeat"
            + " returns the first response and stores nothing new.";

    private final PublicInboxService inbox;

    record NewContactRequest(String name, String email, String identifier, String identifierHash) {}

    record NewMessageRequest(String content) {}

    /** {@code contactTokens} signs the token a new contact session returns. */
    public PublicInboxRoutes(Database db, MessageService messages, Function<ContactSession, String> contactTokens) {
        this.inbox = new PublicInboxService(db, messages, contactTokens);
    }

    @Override
    public void routes(Api api) {
        api.post(
                BASE + "/contacts",
                this::openSession,
                Doc.of(TAG, "Open a contact session (a verified email = that email's contact)")
                        .description("An email binds the session to the account's contact with that email only with"
                                + " identifierHash = lowercase hex HMAC-SHA256(the inbox's identity secret, the"
                                + " lowercased email), computed by your site's server; otherwise the session gets a new"
                                + " contact that records the claimed email as unverified. A wrong hash is a 401.")
                        .publicRoute()
                        .body(NewContactRequest.class)
                        .returns(201, ContactSessionOpened.class));
        api.post(
                BASE + "/conversations",
                this::start,
                Doc.of(TAG, "Start a conversation with its first message")
                        .access(Access.CONTACT)
                        .body(NewMessageRequest.class)
                        .returns(201, StartedConversation.class)
                        .description(IDEMPOTENCY));
        api.get(
                BASE + "/conversations",
                this::list,
                Doc.of(TAG, "Your conversations, newest first")
                        .access(Access.CONTACT)
                        .returns(PublicConversationPage.class)
                        .query("before", "conversation id (nextCursor): older conversations")
                        .query("limit", "1..100, default 50"));
        api.post(
                BASE + "/conversations/{id}/messages",
                this::send,
                Doc.of(TAG, "Write in an existing conversation (reopens it if resolved)")
                        .access(Access.CONTACT)
                        .body(NewMessageRequest.class)
                        .returns(201, PublicMessage.class)
                        .description(IDEMPOTENCY));
        api.get(
                BASE + "/conversations/{id}/messages",
                this::timeline,
                Doc.of(TAG, "The messages of your conversation, oldest first within a page")
                        .access(Access.CONTACT)
                        .returns(PublicMessagePage.class)
                        .query("before", "message id: the page of older messages (default: the newest page)")
                        .query("after", "message id: the page of newer messages")
                        .query("limit", "1..100, default 50"));
    }

    private void openSession(Context ctx) {
        var body = Requests.body(ctx, NewContactRequest.class);
        ctx.status(201)
                .json(inbox.open(
                        ctx.pathParam("inbox"), body.name(), body.email(), body.identifier(), body.identifierHash()));
    }

    private void start(Context ctx) {
        var body = Requests.body(ctx, NewMessageRequest.class);
        var started = inbox.start(Requests.contact(ctx), ctx.pathParam("inbox"), body.content(), idempotencyKey(ctx));
        ctx.status(201).json(started);
    }

    private void list(Context ctx) {
        var before = Cursor.id("before", ctx.queryParam("before"));
        int limit = Requests.intQuery(ctx, "limit", MessagePage.DEFAULT_LIMIT, 1, MessagePage.MAX_LIMIT);
        ctx.json(inbox.conversations(Requests.contact(ctx), ctx.pathParam("inbox"), before, limit));
    }

    private void send(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, NewMessageRequest.class);
        var posted = inbox.send(Requests.contact(ctx), ctx.pathParam("inbox"), id, body.content(), idempotencyKey(ctx));
        if (posted.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(201).json(PublicMessage.of(posted.message()));
    }

    private void timeline(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        var cursor = Cursor.of(
                ctx.queryParam("before"),
                ctx.queryParam("after"),
                Requests.intQuery(ctx, "limit", MessagePage.DEFAULT_LIMIT, 1, MessagePage.MAX_LIMIT));
        ctx.json(inbox.timeline(Requests.contact(ctx), ctx.pathParam("inbox"), id, cursor));
    }

    private static String idempotencyKey(Context ctx) {
        return ctx.header("Idempotency-Key");
    }
}
