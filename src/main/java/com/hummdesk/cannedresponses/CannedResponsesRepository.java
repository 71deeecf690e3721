package com.hummdesk.cannedresponses;

import static com.hummdesk.platform.db.generated.Tables.CANNED_RESPONSES;
import static org.jooq.Records.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;

/** SQL for canned responses (the feature's only table). */
final class CannedResponsesRepository {

    /** {@code search} null lists everything by short code; otherwise short-code prefix matches lead. */
    List<CannedResponse> page(DSLContext tx, long accountId, String search, int offset, int limit) {
        var prefix = search == null ? DSL.noCondition() : shortCodePrefix(search);
        return select(tx)
                .from(CANNED_RESPONSES)
                .where(CANNED_RESPONSES.ACCOUNT_ID.eq(accountId), matches(search))
                .orderBy(DSL.when(prefix, 0).otherwise(1), CANNED_RESPONSES.SHORT_CODE, CANNED_RESPONSES.ID)
                .offset(offset)
                .limit(limit)
                .fetch(mapping(CannedResponse::new));
    }

    long count(DSLContext tx, long accountId, String search) {
        return tx.fetchCount(CANNED_RESPONSES, CANNED_RESPONSES.ACCOUNT_ID.eq(accountId), matches(search));
    }

    Optional<CannedResponse> find(DSLContext tx, long accountId, long id) {
        return select(tx)
                .from(CANNED_RESPONSES)
                .where(CANNED_RESPONSES.ACCOUNT_ID.eq(accountId), CANNED_RESPONSES.ID.eq(id))
                .fetchOptional(mapping(CannedResponse::new));
    }

    Optional<CannedResponse> findByShortCode(DSLContext tx, long accountId, String shortCode) {
        return select(tx)
                .from(CANNED_RESPONSES)
                .where(CANNED_RESPONSES.ACCOUNT_ID.eq(accountId), CANNED_RESPONSES.SHORT_CODE.eq(shortCode))
                .fetchOptional(mapping(CannedResponse::new));
    }

    CannedResponse insert(DSLContext tx, long accountId, String shortCode, String content) {
        return tx.insertInto(CANNED_RESPONSES)
                .set(CANNED_RESPONSES.ACCOUNT_ID, accountId)
                .set(CANNED_RESPONSES.SHORT_CODE, shortCode)
                .set(CANNED_RESPONSES.CONTENT, content)
                .returningResult(
                        CANNED_RESPONSES.ID,
                        CANNED_RESPONSES.SHORT_CODE,
                        CANNED_RESPONSES.CONTENT,
                        CANNED_RESPONSES.CREATED_AT)
                .fetchSingle(mapping(CannedResponse::new));
    }

    CannedResponse update(DSLContext tx, long accountId, long id, String shortCode, String content) {
        return tx.update(CANNED_RESPONSES)
                .set(CANNED_RESPONSES.SHORT_CODE, shortCode)
                .set(CANNED_RESPONSES.CONTENT, content)
                .where(CANNED_RESPONSES.ACCOUNT_ID.eq(accountId), CANNED_RESPONSES.ID.eq(id))
                .returningResult(
                        CANNED_RESPONSES.ID,
                        CANNED_RESPONSES.SHORT_CODE,
                        CANNED_RESPONSES.CONTENT,
                        CANNED_RESPONSES.CREATED_AT)
                .fetchSingle(mapping(CannedResponse::new));
    }

    void delete(DSLContext tx, long accountId, long id) {
        tx.deleteFrom(CANNED_RESPONSES)
                .where(CANNED_RESPONSES.ACCOUNT_ID.eq(accountId), CANNED_RESPONSES.ID.eq(id))
                .execute();
    }

    private static Condition matches(String search) {
        if (search == null) {
            return DSL.noCondition();
        }
        return shortCodePrefix(search)
                .or(CANNED_RESPONSES.CONTENT.likeIgnoreCase("%" + escapeLike(search) + "%", '\\'));
    }

    private static Condition shortCodePrefix(String search) {
        return CANNED_RESPONSES.SHORT_CODE.likeIgnoreCase(escapeLike(search) + "%", '\\');
    }

    /** The user's text is matched literally: % and _ are not wildcards. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static SelectSelectStep<Record4<Long, String, String, OffsetDateTime>> select(DSLContext tx) {
        return tx.select(
                CANNED_RESPONSES.ID,
                CANNED_RESPONSES.SHORT_CODE,
                CANNED_RESPONSES.CONTENT,
                CANNED_RESPONSES.CREATED_AT);
    }
}
