package com.hummdesk.knowledge;

import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.errors.PayloadTooLarge;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** /api/kb: articles, search and imports. */
final class KnowledgeRoutes implements RouteModule {
    private static final String TAG = "Knowledge base";
    /** An upload larger than this is refused before it is read. */
    static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private final ArticleService articles;
    private final KnowledgeSearch search;
    private final ImportService imports;

    /** For POST title is required; for PATCH every field is optional and a missing one stays as it is. */
    public record ArticleRequest(String title, String body, List<String> tags, String language, String status) {}

    /** The search response. */
    public record SearchResponse(String query, List<SearchHit> results) {}

    KnowledgeRoutes(ArticleService articles, KnowledgeSearch search, ImportService imports) {
        this.articles = articles;
        this.search = search;
        this.imports = imports;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/kb/articles",
                this::list,
                Doc.of(TAG, "List the account's articles, most recently changed first")
                        .query("page", "1-based page (default 1)")
                        .query("pageSize", "1..100 (default 25)")
                        .query("status", "draft | published")
                        .query("tag", "only articles with this tag")
                        .query("language", "only articles in this language")
                        .query("q", "title contains (case-insensitive)")
                        .returns(ArticlePage.class));
        api.post(
                "/api/kb/articles",
                this::create,
                Doc.of(TAG, "Create an article")
                        .body(ArticleRequest.class)
                        .returns(201, Article.class)
                        .description("Any member may create drafts; publishing needs an admin or owner (403)."
                                + " body is markdown (up to 200,000 characters); language is a code like en or"
                                + " pt-BR (default en); status draft (default) or published. The article is chunked"
                                + " and embedded before the response."));
        api.get("/api/kb/articles/{id}", this::get, Doc.of(TAG, "One article").returns(Article.class));
        api.patch(
                "/api/kb/articles/{id}",
                this::update,
                Doc.of(TAG, "Change an article (re-chunked and re-embedded when title, body or language change)")
                        .body(ArticleRequest.class)
                        .returns(Article.class)
                        .description("Changing, publishing or unpublishing a published article needs an admin or"
                                + " owner. 409 when the article changed during the request."));
        api.delete(
                "/api/kb/articles/{id}",
                this::delete,
                Doc.of(TAG, "Delete an article and its chunks").returns(204, null));
        api.get(
                "/api/kb/search",
                this::search,
                Doc.of(TAG, "Hybrid search of the account's published articles")
                        .query("q", "the question (required, up to 1,000 characters)")
                        .query("limit", "1..50 (default 5)")
                        .returns(SearchResponse.class)
                        .description("Vector (MiniLM, cosine) and full-text candidates fused by reciprocal rank."
                                + " score is the fused score (orders the list); similarity the cosine similarity to"
                                + " the query; snippet is HTML-escaped with matches in <mark>."));
        api.post(
                "/api/kb/imports",
                this::startImport,
                Doc.of(TAG, "Import a zip of .md, .markdown, .html, .htm and .txt files (admins and owners)")
                        .returns(202, ImportStatus.class)
                        .description("multipart/form-data with the archive in field 'file' (up to 50 MiB) and an"
                                + " optional 'status' (published, the default, or draft). Files are read at upload;"
                                + " those that cannot be (not UTF-8, unsupported type, unsafe path, over 2 MiB,"
                                + " zip bomb) are listed in errors and the rest imported in the background. An"
                                + " archive over 2,000 files or 100 MiB of text is refused (400). Importing a file"
                                + " with the same path again updates its article."));
        api.get(
                "/api/kb/imports/{id}",
                this::importStatus,
                Doc.of(TAG, "An import's progress: total, done, failed, pending, per-file errors")
                        .returns(ImportStatus.class));
    }

    private void list(Context ctx) {
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int pageSize = Requests.intQuery(ctx, "pageSize", 25, 1, 100);
        var filter = new ArticleRepository.Filter(
                blankToNull(ctx.queryParam("status")),
                blankToNull(ctx.queryParam("tag")),
                blankToNull(ctx.queryParam("language")),
                blankToNull(ctx.queryParam("q")));
        ctx.json(articles.list(Requests.user(ctx), filter, page, pageSize));
    }

    private void get(Context ctx) {
        ctx.json(articles.get(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void create(Context ctx) {
        var body = Requests.body(ctx, ArticleRequest.class);
        ctx.status(201).json(articles.create(Requests.user(ctx), changes(body)));
    }

    private void update(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, ArticleRequest.class);
        ctx.json(articles.update(Requests.user(ctx), id, changes(body)));
    }

    private void delete(Context ctx) {
        articles.delete(Requests.user(ctx), Requests.pathId(ctx, "id"));
        ctx.status(204);
    }

    private void search(Context ctx) {
        var user = Requests.user(ctx);
        var q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new BadRequest("invalid_parameter", "q is required", Map.of("field", "q"));
        }
        if (q.length() > KnowledgeSearch.MAX_QUERY_CHARS) {
            throw new BadRequest(
                    "invalid_parameter",
                    "q must be at most " + KnowledgeSearch.MAX_QUERY_CHARS + " characters",
                    Map.of("field", "q"));
        }
        int limit = Requests.intQuery(ctx, "limit", 5, 1, KnowledgeSearch.MAX_LIMIT);
        ctx.json(new SearchResponse(q, search.hits(user.accountId(), q, limit)));
    }

    private void startImport(Context ctx) {
        var user = Requests.user(ctx);
        user.requireManager();
        if (ctx.contentLength() > MAX_UPLOAD_BYTES) {
            throw new PayloadTooLarge("upload_too_large", "The archive must be at most 50 MiB.");
        }
        var contentType = ctx.contentType();
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new BadRequest("invalid_upload", "Send the archive as multipart/form-data in a field named 'file'.");
        }
        var file = ctx.uploadedFile("file");
        if (file == null) {
            throw new BadRequest(
                    "invalid_upload", "The form needs the archive in a field named 'file'.", Map.of("field", "file"));
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            throw new PayloadTooLarge("upload_too_large", "The archive must be at most 50 MiB.");
        }
        var status = blankToNull(ctx.formParam("status"));
        boolean publish = status == null
                || com.hummdesk.platform.errors.Enums.parse(ArticleStatus.class, "status", status)
                        == ArticleStatus.PUBLISHED;
        try (var in = file.content()) {
            ctx.status(202).json(imports.start(user, in, publish));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void importStatus(Context ctx) {
        ctx.json(imports.status(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private static ArticleService.ArticleChanges changes(ArticleRequest body) {
        return new ArticleService.ArticleChanges(
                body.title(), body.body(), body.tags(), body.language(), body.status());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
