package com.hummdesk.knowledge;

import static com.hummdesk.platform.db.generated.Tables.KB_ARTICLES;

import com.hummdesk.platform.db.generated.tables.records.KbArticlesRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL for kb_articles. */
final class ArticleRepository {

    /** What is written for an article (create, update, import). */
    record Fields(String title, String body, List<String> tags, String language, String status) {}

    /** The list's filter: any of them may be null. */
    record Filter(String status, String tag, String language, String query) {}

    List<ArticleSummary> page(DSLContext tx, long accountId, Filter filter, int offset, int limit) {
        return tx.select(
                        KB_ARTICLES.ID,
                        KB_ARTICLES.TITLE,
                        KB_ARTICLES.TAGS,
                        KB_ARTICLES.LANGUAGE,
                        KB_ARTICLES.STATUS,
                        KB_ARTICLES.SOURCE,
                        KB_ARTICLES.CREATED_AT,
                        KB_ARTICLES.UPDATED_AT)
                .from(KB_ARTICLES)
                .where(conditions(accountId, filter))
                .orderBy(KB_ARTICLES.UPDATED_AT.desc(), KB_ARTICLES.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new ArticleSummary(
                        r.value1(),
                        r.value2(),
                        tags(r.value3()),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8()));
    }

    long count(DSLContext tx, long accountId, Filter filter) {
        return tx.fetchCount(KB_ARTICLES, conditions(accountId, filter));
    }

    Optional<Article> find(DSLContext tx, long accountId, long id) {
        return tx.selectFrom(KB_ARTICLES)
                .where(KB_ARTICLES.ACCOUNT_ID.eq(accountId), KB_ARTICLES.ID.eq(id))
                .fetchOptional(ArticleRepository::article);
    }

    /** The row locked until the transaction ends: an update compares it with what it embedded. */
    Optional<Article> lock(DSLContext tx, long accountId, long id) {
        return tx.selectFrom(KB_ARTICLES)
                .where(KB_ARTICLES.ACCOUNT_ID.eq(accountId), KB_ARTICLES.ID.eq(id))
                .forUpdate()
                .fetchOptional(ArticleRepository::article);
    }

    Article insert(DSLContext tx, long accountId, Fields fields) {
        return tx.insertInto(KB_ARTICLES)
                .set(KB_ARTICLES.ACCOUNT_ID, accountId)
                .set(KB_ARTICLES.TITLE, fields.title())
                .set(KB_ARTICLES.BODY, fields.body())
                .set(KB_ARTICLES.TAGS, fields.tags().toArray(String[]::new))
                .set(KB_ARTICLES.LANGUAGE, fields.language())
                .set(KB_ARTICLES.STATUS, fields.status())
                .returning()
                .fetchSingle(ArticleRepository::article);
    }

    /** Inserts or, when the account already has an article from {@code source}, replaces it. */
    Article upsertBySource(DSLContext tx, long accountId, String source, Fields fields) {
        return tx.insertInto(KB_ARTICLES)
                .set(KB_ARTICLES.ACCOUNT_ID, accountId)
                .set(KB_ARTICLES.TITLE, fields.title())
                .set(KB_ARTICLES.BODY, fields.body())
                .set(KB_ARTICLES.TAGS, fields.tags().toArray(String[]::new))
                .set(KB_ARTICLES.LANGUAGE, fields.language())
                .set(KB_ARTICLES.STATUS, fields.status())
                .set(KB_ARTICLES.SOURCE, source)
                .onConflict(KB_ARTICLES.ACCOUNT_ID, KB_ARTICLES.SOURCE)
                .doUpdate()
                .set(KB_ARTICLES.TITLE, fields.title())
                .set(KB_ARTICLES.BODY, fields.body())
                .set(KB_ARTICLES.TAGS, fields.tags().toArray(String[]::new))
                .set(KB_ARTICLES.LANGUAGE, fields.language())
                .set(KB_ARTICLES.STATUS, fields.status())
                .set(KB_ARTICLES.UPDATED_AT, DSL.currentOffsetDateTime())
                .returning()
                .fetchSingle(ArticleRepository::article);
    }

    Article update(DSLContext tx, long accountId, long id, Fields fields) {
        return tx.update(KB_ARTICLES)
                .set(KB_ARTICLES.TITLE, fields.title())
                .set(KB_ARTICLES.BODY, fields.body())
                .set(KB_ARTICLES.TAGS, fields.tags().toArray(String[]::new))
                .set(KB_ARTICLES.LANGUAGE, fields.language())
                .set(KB_ARTICLES.STATUS, fields.status())
                .set(KB_ARTICLES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(KB_ARTICLES.ACCOUNT_ID.eq(accountId), KB_ARTICLES.ID.eq(id))
                .returning()
                .fetchSingle(ArticleRepository::article);
    }

    /** Chunks go with it (kb_chunks cascades). */
    boolean delete(DSLContext tx, long accountId, long id) {
        return tx.deleteFrom(KB_ARTICLES)
                        .where(KB_ARTICLES.ACCOUNT_ID.eq(accountId), KB_ARTICLES.ID.eq(id))
                        .execute()
                > 0;
    }

    private static Condition conditions(long accountId, Filter filter) {
        var condition = KB_ARTICLES.ACCOUNT_ID.eq(accountId);
        if (filter.status() != null) {
            condition = condition.and(KB_ARTICLES.STATUS.eq(filter.status()));
        }
        if (filter.language() != null) {
            condition = condition.and(KB_ARTICLES.LANGUAGE.eq(filter.language()));
        }
        if (filter.tag() != null) {
            condition = condition.and(KB_ARTICLES.TAGS.contains(new String[] {filter.tag()}));
        }
        if (filter.query() != null) {
            condition = condition.and(KB_ARTICLES.TITLE.containsIgnoreCase(filter.query()));
        }
        return condition;
    }

    private static Article article(KbArticlesRecord r) {
        return new Article(
                r.getId(),
                r.getTitle(),
                r.getBody(),
                tags(r.getTags()),
                r.getLanguage(),
                r.getStatus(),
                r.getSource(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }

    private static List<String> tags(String[] tags) {
        return tags == null ? List.of() : Arrays.asList(tags);
    }
}
