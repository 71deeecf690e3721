package com.hummdesk.ai.pipeline;

import static com.hummdesk.platform.db.generated.Tables.AI_CATEGORIES;
import static com.hummdesk.platform.db.generated.Tables.AI_CATEGORY_EXAMPLES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL for ai_categories and their examples. */
final class CategoryRepository {
    static final String SEED = "seed";
    static final String CORRECTION = "correction";

    /** The account's categories by name, each with its examples oldest first. */
    List<Category> all(DSLContext tx, long accountId) {
        return select(tx, accountId, DSL.trueCondition());
    }

    Optional<Category> find(DSLContext tx, long accountId, long id) {
        return select(tx, accountId, AI_CATEGORIES.ID.eq(id)).stream().findFirst();
    }

    Optional<Long> idByName(DSLContext tx, long accountId, String name) {
        return tx.select(AI_CATEGORIES.ID)
                .from(AI_CATEGORIES)
                .where(AI_CATEGORIES.ACCOUNT_ID.eq(accountId), AI_CATEGORIES.NAME.eq(name))
                .fetchOptional(AI_CATEGORIES.ID);
    }

    List<String> names(DSLContext tx, long accountId) {
        return tx.select(AI_CATEGORIES.NAME)
                .from(AI_CATEGORIES)
                .where(AI_CATEGORIES.ACCOUNT_ID.eq(accountId))
                .orderBy(AI_CATEGORIES.NAME)
                .fetch(AI_CATEGORIES.NAME);
    }

    private List<Category> select(DSLContext tx, long accountId, Condition where) {
        var c = AI_CATEGORIES;
        var e = AI_CATEGORY_EXAMPLES;
        var rows = tx.select(c.ID, c.NAME, c.DESCRIPTION, c.TEAM_ID, c.UPDATED_AT, e.ID, e.TEXT, e.SOURCE, e.MESSAGE_ID)
                .from(c)
                .leftJoin(e)
                .on(e.ACCOUNT_ID.eq(c.ACCOUNT_ID), e.CATEGORY_ID.eq(c.ID))
                .where(c.ACCOUNT_ID.eq(accountId), where)
                .orderBy(c.NAME, e.ID)
                .fetch();
        var byId = new LinkedHashMap<Long, Category>();
        var examples = new LinkedHashMap<Long, List<Category.Example>>();
        for (var r : rows) {
            long id = r.value1();
            byId.computeIfAbsent(id, k -> new Category(k, r.value2(), r.value3(), r.value4(), List.of(), r.value5()));
            var list = examples.computeIfAbsent(id, k -> new ArrayList<>());
            if (r.value6() != null) {
                list.add(new Category.Example(r.value6(), r.value7(), r.value8(), r.value9()));
            }
        }
        return byId.values().stream()
                .map(cat -> new Category(
                        cat.id(), cat.name(), cat.description(), cat.teamId(), examples.get(cat.id()), cat.updatedAt()))
                .toList();
    }

    long insert(DSLContext tx, long accountId, String name, String description, Long teamId) {
        return tx.insertInto(AI_CATEGORIES)
                .set(AI_CATEGORIES.ACCOUNT_ID, accountId)
                .set(AI_CATEGORIES.NAME, name)
                .set(AI_CATEGORIES.DESCRIPTION, description)
                .set(AI_CATEGORIES.TEAM_ID, teamId)
                .returning(AI_CATEGORIES.ID)
                .fetchSingle(AI_CATEGORIES.ID);
    }

    void update(DSLContext tx, long accountId, long id, String name, String description, Long teamId) {
        tx.update(AI_CATEGORIES)
                .set(AI_CATEGORIES.NAME, name)
                .set(AI_CATEGORIES.DESCRIPTION, description)
                .set(AI_CATEGORIES.TEAM_ID, teamId)
                .set(AI_CATEGORIES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(AI_CATEGORIES.ACCOUNT_ID.eq(accountId), AI_CATEGORIES.ID.eq(id))
                .execute();
    }

    boolean delete(DSLContext tx, long accountId, long id) {
        return tx.deleteFrom(AI_CATEGORIES)
                        .where(AI_CATEGORIES.ACCOUNT_ID.eq(accountId), AI_CATEGORIES.ID.eq(id))
                        .execute()
                > 0;
    }

    /** Replaces the admin-written examples; agents' corrections stay. */
    void replaceSeedExamples(DSLContext tx, long accountId, long categoryId, List<String> texts) {
        var e = AI_CATEGORY_EXAMPLES;
        tx.deleteFrom(e)
                .where(e.ACCOUNT_ID.eq(accountId), e.CATEGORY_ID.eq(categoryId), e.SOURCE.eq(SEED))
                .execute();
        if (texts.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(e, e.ACCOUNT_ID, e.CATEGORY_ID, e.TEXT, e.SOURCE);
        for (var text : texts) {
            insert = insert.values(accountId, categoryId, text, SEED);
        }
        insert.execute();
    }

    /** The customer's message becomes an example of the category; of this one only, if it was another's. */
    void learn(DSLContext tx, long accountId, long categoryId, long messageId, String text, long userId) {
        var e = AI_CATEGORY_EXAMPLES;
        tx.deleteFrom(e)
                .where(e.ACCOUNT_ID.eq(accountId), e.MESSAGE_ID.eq(messageId))
                .execute();
        tx.insertInto(e)
                .set(e.ACCOUNT_ID, accountId)
                .set(e.CATEGORY_ID, categoryId)
                .set(e.TEXT, text)
                .set(e.SOURCE, CORRECTION)
                .set(e.MESSAGE_ID, messageId)
                .set(e.CREATED_BY, userId)
                .execute();
    }
}
