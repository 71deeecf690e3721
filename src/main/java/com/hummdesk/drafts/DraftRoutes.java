package com.hummdesk.drafts;

import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.util.Map;

/** /api/ai/drafts. */
final class DraftRoutes implements RouteModule {
    private static final String TAG = "AI drafts";
    private final DraftService drafts;

    public record RegenerateRequest(Long conversationId) {}

    public record FeedbackRequest(String outcome, String finalText) {}

    DraftRoutes(DraftService drafts) {
        this.drafts = drafts;
    }

    @Override
    public void routes(Api api) {
        api.post(
                "/api/ai/drafts",
                this::regenerate,
                Doc.of(TAG, "Draft a reply again for the conversation's latest customer message")
                        .body(RegenerateRequest.class)
                        .returns(201, StoredDraft.class)
                        .description("Synchronous; also announced as ai:draft. Never sends anything: the agent"
                                + " decides. 422 no_customer_message when the customer has not written yet."));
        api.get(
                "/api/ai/drafts",
                this::list,
                Doc.of(TAG, "A conversation's drafts, latest first (at most " + DraftService.LIST_LIMIT + ")")
                        .query("conversationId", "required")
                        .returns(DraftList.class));
        api.get(
                "/api/ai/drafts/stats",
                this::stats,
                Doc.of(TAG, "The account's drafts: counts, acceptance and edited rates, mean edit distance")
                        .returns(DraftStats.class));
        api.post(
                "/api/ai/drafts/{id}/feedback",
                this::feedback,
                Doc.of(TAG, "Record what the agent did with a draft")
                        .body(FeedbackRequest.class)
                        .returns(StoredDraft.class)
                        .description("outcome: accepted | edited | rejected. finalText is the text sent: required"
                                + " for edited, optional for accepted (the draft as is) and rejected. The edit"
                                + " distance is normalised Levenshtein (0 = sent as drafted). Once per draft: 409"
                                + " feedback_already_recorded."));
    }

    private void regenerate(Context ctx) {
        var body = Requests.body(ctx, RegenerateRequest.class);
        ctx.status(201).json(drafts.regenerate(Requests.user(ctx), body.conversationId()));
    }

    private void list(Context ctx) {
        ctx.json(drafts.list(Requests.user(ctx), conversationId(ctx)));
    }

    private void stats(Context ctx) {
        ctx.json(drafts.stats(Requests.user(ctx)));
    }

    private void feedback(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, FeedbackRequest.class);
        ctx.json(drafts.feedback(Requests.user(ctx), id, body.outcome(), body.finalText()));
    }

    private static Long conversationId(Context ctx) {
        var value = ctx.queryParam("conversationId");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(
                    "invalid_parameter", "conversationId must be a whole number", Map.of("field", "conversationId"));
        }
    }
}
