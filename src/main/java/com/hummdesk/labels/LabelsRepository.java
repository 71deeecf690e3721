package com.hummdesk.labels;

import static com.hummdesk.platform.db.generated.Tables.LABELS;
import static org.jooq.Records.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.SelectSelectStep;

/** SQL for labels (the labels feature's only table). */
final class LabelsRepository {

    List<Label> page(DSLContext tx, long accountId, int offset, int limit) {
        return select(tx)
                .from(LABELS)
                .where(LABELS.ACCOUNT_ID.eq(accountId))
                .orderBy(LABELS.NAME, LABELS.ID)
                .offset(offset)
                .limit(limit)
                .fetch(mapping(Label::new));
    }

    long count(DSLContext tx, long accountId) {
        return tx.fetchCount(LABELS, LABELS.ACCOUNT_ID.eq(accountId));
    }

    Optional<Label> find(DSLContext tx, long accountId, long id) {
        return select(tx)
                .from(LABELS)
                .where(LABELS.ACCOUNT_ID.eq(accountId), LABELS.ID.eq(id))
                .fetchOptional(mapping(Label::new));
    }

    Label insert(DSLContext tx, long accountId, String name, String color, String description) {
        return tx.insertInto(LABELS)
                .set(LABELS.ACCOUNT_ID, accountId)
                .set(LABELS.NAME, name)
                .set(LABELS.COLOR, color)
                .set(LABELS.DESCRIPTION, description)
                .returningResult(LABELS.ID, LABELS.NAME, LABELS.COLOR, LABELS.DESCRIPTION, LABELS.CREATED_AT)
                .fetchSingle(mapping(Label::new));
    }

    Optional<Label> update(DSLContext tx, long accountId, long id, String name, String color, String description) {
        return tx.update(LABELS)
                .set(LABELS.NAME, name)
                .set(LABELS.COLOR, color)
                .set(LABELS.DESCRIPTION, description)
                .where(LABELS.ACCOUNT_ID.eq(accountId), LABELS.ID.eq(id))
                .returningResult(LABELS.ID, LABELS.NAME, LABELS.COLOR, LABELS.DESCRIPTION, LABELS.CREATED_AT)
                .fetchOptional(mapping(Label::new));
    }

    /** Removing a label also removes it from every conversation (conversation_labels cascades). */
    boolean delete(DSLContext tx, long accountId, long id) {
        return tx.deleteFrom(LABELS)
                        .where(LABELS.ACCOUNT_ID.eq(accountId), LABELS.ID.eq(id))
                        .execute()
                > 0;
    }

    private static SelectSelectStep<Record5<Long, String, String, String, OffsetDateTime>> select(DSLContext tx) {
        return tx.select(LABELS.ID, LABELS.NAME, LABELS.COLOR, LABELS.DESCRIPTION, LABELS.CREATED_AT);
    }
}
