package com.hummdesk.knowledge;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.Enums;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.Forbidden;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.security.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Articles: every member reads them and writes drafts; publishing, changing or deleting a published article is for
 * admins and owners, because published articles are what drafted replies quote to customers. Title and body are
 * chunked and embedded before the write transaction (CPU work that holds no locks); the transaction then checks
 * the article did not change meanwhile and replaces its chunks.
 */
final class ArticleService {
    static final int MAX_TITLE = 300;
    static final int MAX_BODY = 200_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;

    /** A create or a partial update: null leaves a field as it is. */
    record ArticleChanges(String title, String body, List<String> tags, String language, String status) {}

    private final Database db;
    private final EventBus events;
    private final Embedder embedder;
    private final ArticleRepository articles = new ArticleRepository();
    private final ChunkRepository chunks = new ChunkRepository();

    ArticleService(Database db, EventBus events, Embedder embedder) {
        this.db = db;
        this.events = events;
        this.embedder = embedder;
    }

    ArticlePage list(CurrentUser user, ArticleRepository.Filter filter, int page, int pageSize) {
        var status = filter.status() == null
                ? null
                : Enums.wire(Enums.parse(ArticleStatus.class, "status", filter.status()));
        var normalized = new ArticleRepository.Filter(status, filter.tag(), filter.language(), filter.query());
        return db.inAccount(
                user.accountId(),
                tx -> new ArticlePage(
                        articles.page(tx, user.accountId(), normalized, (page - 1) * pageSize, pageSize),
                        new ArticlePage.Pagination(articles.count(tx, user.accountId(), normalized), page, pageSize)));
    }

    Article get(CurrentUser user, long id) {
        return db.inAccount(user.accountId(), tx -> articles.find(tx, user.accountId(), id))
                .orElseThrow(ArticleService::notFound);
    }

    Article create(CurrentUser user, ArticleChanges input) {
        var fields = validate(input, null);
        requireRights(user, null, fields);
        var embedded = embedder.chunkAndEmbed(fields.title(), fields.body());
        var article = db.inAccount(user.accountId(), tx -> {
            var created = articles.insert(tx, user.accountId(), fields);
            chunks.replace(
                    tx, user.accountId(), created.id(), published(fields), fields.title(), fields.language(), embedded);
            return created;
        });
        events.publish(new ArticleChanged(user.accountId(), article.id(), "created", article.status()));
        return article;
    }

    Article update(CurrentUser user, long id, ArticleChanges input) {
        var current = get(user, id);
        var fields = validate(input, current);
        requireRights(user, current, fields);
        boolean reembed = !fields.title().equals(current.title())
                || !fields.body().equals(current.body())
                || !fields.language().equals(current.language());
        var embedded = reembed ? embedder.chunkAndEmbed(fields.title(), fields.body()) : null;
        var article = db.inAccount(user.accountId(), tx -> {
            var locked = articles.lock(tx, user.accountId(), id).orElseThrow(ArticleService::notFound);
            if (!locked.title().equals(current.title())
                    || !locked.body().equals(current.body())
                    || !locked.language().equals(current.language())) {
                throw new Conflict("article_changed", "The article was changed at the same time; load it and retry.");
            }
            var updated = articles.update(tx, user.accountId(), id, fields);
            if (embedded != null) {
                chunks.replace(
                        tx, user.accountId(), id, published(fields), fields.title(), fields.language(), embedded);
            } else {
                chunks.setPublished(tx, user.accountId(), id, published(fields));
            }
            return updated;
        });
        events.publish(new ArticleChanged(user.accountId(), id, "updated", article.status()));
        return article;
    }

    void delete(CurrentUser user, long id) {
        var current = get(user, id);
        requireRights(user, current, null);
        db.runInAccount(user.accountId(), tx -> {
            if (!articles.delete(tx, user.accountId(), id)) {
                throw notFound();
            }
        });
        events.publish(new ArticleChanged(user.accountId(), id, "deleted", current.status()));
    }

    /** Agents write drafts; anything that is or becomes published needs an admin or owner. */
    private static void requireRights(CurrentUser user, Article current, ArticleRepository.Fields next) {
        boolean touchesPublished =
                (current != null && ArticleStatus.PUBLISHED.name().equalsIgnoreCase(current.status()))
                        || (next != null && published(next));
        if (touchesPublished && !user.role().canManage()) {
            throw new Forbidden(
                    "forbidden", "Only account admins and owners can publish, change or delete published articles.");
        }
    }

    static boolean published(ArticleRepository.Fields fields) {
        return Enums.wire(ArticleStatus.PUBLISHED).equals(fields.status());
    }

    /** Validates the changes and merges them over {@code current} (null when creating). */
    static ArticleRepository.Fields validate(ArticleChanges input, Article current) {
        var title = input.title() == null ? null : input.title().strip();
        var body = input.body();
        var language = input.language() == null ? null : input.language().strip();
        var errors = new FieldErrors();
        if (current == null || title != null) {
            errors.required(title, "title");
        }
        errors.maxLength(title, MAX_TITLE, "title")
                .maxLength(body, MAX_BODY, "body")
                .check(
                        language == null || Languages.CODE.matcher(language).matches(),
                        "language",
                        "must be a language code like en, fi or pt-BR");
        List<String> tags = null;
        if (input.tags() != null) {
            var cleaned = new LinkedHashSet<String>();
            for (var tag : input.tags()) {
                if (tag == null || tag.isBlank()) {
                    errors.check(false, "tags", "must not contain empty tags");
                    continue;
                }
                errors.check(
                        tag.strip().length() <= MAX_TAG, "tags", "each tag must be at most " + MAX_TAG + " characters");
                cleaned.add(tag.strip().toLowerCase(Locale.ROOT));
            }
            errors.check(cleaned.size() <= MAX_TAGS, "tags", "at most " + MAX_TAGS + " tags");
            tags = new ArrayList<>(cleaned);
        }
        String status = null;
        if (input.status() != null) {
            status = Enums.wire(Enums.parse(ArticleStatus.class, "status", input.status()));
        }
        errors.throwIfAny();
        return new ArticleRepository.Fields(
                title != null ? title : current.title(),
                body != null ? body : current == null ? "" : current.body(),
                tags != null ? tags : current == null ? List.of() : current.tags(),
                language != null ? language : current == null ? "en" : current.language(),
                status != null ? status : current == null ? Enums.wire(ArticleStatus.DRAFT) : current.status());
    }

    private static NotFound notFound() {
        return new NotFound("not_found", "No such article.");
    }
}
