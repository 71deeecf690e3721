package com.hummdesk.ai.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** /api/ai: classify a message now, the account's AI settings and categories, and the pipeline's figures. */
final class AiRoutes implements RouteModule {
    private static final String TAG = "AI";

    private final ManualClassifyService classify;
    private final SettingsService settings;
    private final CategoriesService categories;

    public record ClassifyRequest(Long messageId) {}

    /** Fields left out stay as they are; {@code "provider": null} goes back to the server's default. */
    public record SettingsRequest(
            String provider, Double confidenceThreshold, List<String> languages, String policies) {}

    /** For POST name is required; for PATCH every field is optional. examples replaces the seed examples. */
    public record CategoryRequest(String name, String description, Long teamId, List<String> examples) {}

    AiRoutes(ManualClassifyService classify, SettingsService settings, CategoriesService categories) {
        this.classify = classify;
        this.settings = settings;
        this.categories = categories;
    }

    @Override
    public void routes(Api api) {
        api.post(
                "/api/ai/classify",
                this::classify,
                Doc.of(TAG, "Classify one message now")
                        .body(ClassifyRequest.class)
                        .returns(ClassificationView.Response.class)
                        .description("Synchronous, with the account's provider; the answer is kept in the"
                                + " classification history (source manual) and the conversation is left as it is."
                                + " 503 while the local models are still loading."));
        api.get(
                "/api/ai/settings",
                this::getSettings,
                Doc.of(TAG, "The account's AI settings").returns(AiSettingsView.class));
        api.put(
                "/api/ai/settings",
                this::putSettings,
                Doc.of(TAG, "Change the account's AI settings (admins and owners)")
                        .body(SettingsRequest.class)
                        .returns(AiSettingsView.class)
                        .description("provider: one of availableProviders, or null for the server's default;"
                                + " confidenceThreshold 0..1 (auto-assignment needs at least this); languages: ISO"
                                + " 639-1 codes among availableLanguages, the first being the default (empty: all)."));
        api.get(
                "/api/ai/categories",
                this::listCategories,
                Doc.of(TAG, "The account's categories with their examples").returns(CategoryList.class));
        api.post(
                "/api/ai/categories",
                this::createCategory,
                Doc.of(TAG, "Create a category (admins and owners)")
                        .body(CategoryRequest.class)
                        .returns(201, Category.class)
                        .description("name: lowercase letters, digits, '-' or '_' (unique, 409); teamId: the team"
                                + " that usually handles it; examples: up to 50 example messages."));
        api.get(
                "/api/ai/categories/{id}",
                this::getCategory,
                Doc.of(TAG, "One category").returns(Category.class));
        api.patch(
                "/api/ai/categories/{id}",
                this::updateCategory,
                Doc.of(TAG, "Change a category (admins and owners)")
                        .body(CategoryRequest.class)
                        .returns(Category.class)
                        .description("examples replaces the seed examples; agents' corrections stay."));
        api.delete(
                "/api/ai/categories/{id}",
                this::deleteCategory,
                Doc.of(TAG, "Delete a category and its examples (admins and owners)")
                        .returns(204, null));
        api.get(
                "/api/ai/stats",
                this::stats,
                Doc.of(TAG, "Classified, corrected and auto-assigned conversations")
                        .returns(AiStats.class));
    }

    private void classify(Context ctx) {
        var body = Requests.body(ctx, ClassifyRequest.class);
        if (body.messageId() == null) {
            throw new BadRequest("invalid_body", "messageId is required.", Map.of("field", "messageId"));
        }
        ctx.json(new ClassificationView.Response(classify.classify(Requests.user(ctx), body.messageId())));
    }

    private void getSettings(Context ctx) {
        ctx.json(settings.get(Requests.user(ctx)));
    }

    private void putSettings(Context ctx) {
        var body = Requests.body(ctx, SettingsRequest.class);
        var given = Requests.body(ctx, JsonNode.class);
        ctx.json(settings.update(
                Requests.user(ctx),
                new SettingsService.Changes(
                        given.has("provider"),
                        body.provider(),
                        body.confidenceThreshold(),
                        body.languages(),
                        body.policies())));
    }

    private void listCategories(Context ctx) {
        ctx.json(categories.list(Requests.user(ctx)));
    }

    private void getCategory(Context ctx) {
        ctx.json(categories.get(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void createCategory(Context ctx) {
        var body = Requests.body(ctx, CategoryRequest.class);
        ctx.status(201).json(categories.create(Requests.user(ctx), changes(body, true)));
    }

    private void updateCategory(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, CategoryRequest.class);
        var given = Requests.body(ctx, JsonNode.class);
        ctx.json(categories.update(Requests.user(ctx), id, changes(body, given.has("teamId"))));
    }

    private void deleteCategory(Context ctx) {
        categories.delete(Requests.user(ctx), Requests.pathId(ctx, "id"));
        ctx.status(204);
    }

    private void stats(Context ctx) {
        ctx.json(classify.stats(Requests.user(ctx)));
    }

    private static CategoriesService.Changes changes(CategoryRequest body, boolean teamGiven) {
        return new CategoriesService.Changes(
                body.name(), body.description(), teamGiven, body.teamId(), body.examples());
    }
}
