package com.hummdesk.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.errors.Enums;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** /api/conversations: the agents' inbox. Every call is scoped to the token's active account. */
final class ConversationRoutes implements RouteModule {
    private static final String TAG = "Conversations";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final ConversationService conversations;
    private final MessageService messages;

    record NewMessageRequest(
            String content, @JsonProperty("private") Boolean privateNote) {}

    record UpdateConversationRequest(
            String status,
            OffsetDateTime snoozedUntil,
            String priority,
            Long teamId,
            Long assigneeId,
            List<String> labels,
            String category) {}

    ConversationRoutes(ConversationService conversations, MessageService messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/conversations",
                this::list,
                Doc.of(TAG, "List conversations with filters, search, sorting and tab counts")
                        .returns(ConversationPage.class)
                        .query("status", "open | pending | snoozed | resolved (default: all statuses)")
                        .query("assignee", "me | unassigned | any (default) | an agent's user id")
                        .query("team", "team id")
                        .query("inbox", "inbox id")
                        .query("category", "AI category, e.g. billing")
                        .query("priority", "low | normal | high | urgent")
                        .query("sentiment", "positive | neutral | negative | frustrated")
                        .query("language", "AI-detected language code, e.g. en")
                        .query("label", "label name")
                        .query("q", "full-text search over message content and the contact's name and email")
                        .query("sort", "newest (default, last message) | oldest | priority | waiting")
                        .query("page", "page number from 1")
                        .query("pageSize", "1..100, default 25"));
        api.get(
                "/api/conversations/{id}",
                this::detail,
                Doc.of(TAG, "One conversation with contact, assignee, team, labels and AI fields")
                        .returns(ConversationDetail.class));
        api.patch(
                "/api/conversations/{id}",
                this::update,
                Doc.of(TAG, "Change status, priority, team, assignee, labels or category")
                        .body(UpdateConversationRequest.class)
                        .returns(ConversationDetail.class)
                        .description("teamId / assigneeId null clear them; labels replaces the set; category is one of"
                                + " the account's AI categories (a correction: the conversation's latest customer"
                                + " message becomes an example of it). Each change adds an activity entry to the"
                                + " timeline."));
        api.get(
                "/api/conversations/{id}/messages",
                this::timeline,
                Doc.of(TAG, "The timeline: messages, private notes and activity, oldest first within a page")
                        .returns(MessagePage.class)
                        .query("before", "message id: the page of older messages (default: the newest page)")
                        .query("after", "message id: the page of newer messages")
                        .query("limit", "1..100, default 50"));
        api.post(
                "/api/conversations/{id}/messages",
                this::reply,
                Doc.of(TAG, "Reply to the customer, or add a private note")
                        .body(NewMessageRequest.class)
                        .returns(201, MessageView.class)
                        .description("Send an Idempotency-Key header to make retries safe: a repeat returns the"
                                + " first response."));
    }

    private void list(Context ctx) {
        var user = Requests.user(ctx);
        int page = Requests.intQuery(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = Requests.intQuery(
                ctx, "pageSize", ConversationFilter.DEFAULT_PAGE_SIZE, 1, ConversationFilter.MAX_PAGE_SIZE);
        ctx.json(conversations.list(ConversationListParams.filter(ctx::queryParam, user, page, pageSize)));
    }

    private void detail(Context ctx) {
        ctx.json(conversations.detail(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void update(Context ctx) {
        var user = Requests.user(ctx);
        long id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, UpdateConversationRequest.class);
        var given = Requests.body(ctx, JsonNode.class);
        var changes = new ConversationChanges(
                body.status() == null ? null : Enums.parse(Status.class, "status", body.status()),
                body.snoozedUntil(),
                body.priority() == null ? null : Enums.parse(Priority.class, "priority", body.priority()),
                given.has("teamId"),
                body.teamId(),
                given.has("assigneeId"),
                body.assigneeId(),
                body.labels(),
                body.category() == null ? null : body.category().trim().toLowerCase(Locale.ROOT));
        ctx.json(conversations.update(user, id, changes));
    }

    private void timeline(Context ctx) {
        var cursor = Cursor.of(
                ctx.queryParam("before"),
                ctx.queryParam("after"),
                Requests.intQuery(ctx, "limit", MessagePage.DEFAULT_LIMIT, 1, MessagePage.MAX_LIMIT));
        ctx.json(messages.timeline(Requests.user(ctx), Requests.pathId(ctx, "id"), cursor));
    }

    private void reply(Context ctx) {
        var user = Requests.user(ctx);
        long id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, NewMessageRequest.class);
        var posted = messages.reply(
                user, id, body.content(), Boolean.TRUE.equals(body.privateNote()), ctx.header(IDEMPOTENCY_KEY));
        if (posted.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        ctx.status(201).json(posted.message());
    }
}
