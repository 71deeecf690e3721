package com.hummdesk.drafts;

import static com.hummdesk.platform.db.generated.Tables.AI_DRAFTS;

import com.hummdesk.ai.Draft;
import com.hummdesk.platform.db.generated.tables.records.AiDraftsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL for ai_drafts (the drafts feature's only table). */
final class DraftRepository {
    static final String PIPELINE = "pipeline";
    static final String REGENERATED = "regenerated";

    /**
     * Stores a draft. A pipeline draft for a message that already has one is not stored (empty): the job may run
     * twice. Inlined, not bound: PostgreSQL matches ON CONFLICT to the partial unique index only on the literal.
     */
    Optional<StoredDraft> insert(
            DSLContext tx,
            long accountId,
            long conversationId,
            long messageId,
            String origin,
            Long requestedBy,
            Draft draft) {
        var insert = tx.insertInto(AI_DRAFTS)
                .set(AI_DRAFTS.ACCOUNT_ID, accountId)
                .set(AI_DRAFTS.CONVERSATION_ID, conversationId)
                .set(AI_DRAFTS.MESSAGE_ID, messageId)
                .set(AI_DRAFTS.ORIGIN, origin)
                .set(AI_DRAFTS.REQUESTED_BY, requestedBy)
                .set(AI_DRAFTS.CONTENT, draft.text())
                .set(AI_DRAFTS.CONFIDENCE, (float) draft.confidence())
                .set(AI_DRAFTS.REASONING, draft.reasoning())
                .set(AI_DRAFTS.CITED_ARTICLE_IDS, draft.citedArticleIds().toArray(Long[]::new))
                .set(AI_DRAFTS.PROVIDER, draft.provider())
                .set(AI_DRAFTS.MODEL, draft.model())
                .set(AI_DRAFTS.LATENCY_MS, (int) Math.min(Integer.MAX_VALUE, draft.latencyMs()));
        var stored = PIPELINE.equals(origin)
                ? insert.onConflict(AI_DRAFTS.ACCOUNT_ID, AI_DRAFTS.MESSAGE_ID)
                        .where(AI_DRAFTS.ORIGIN.eq(DSL.inline(PIPELINE)))
                        .doNothing()
                        .returning()
                        .fetchOptional()
                : insert.returning().fetchOptional();
        return stored.map(DraftRepository::toDraft);
    }

    boolean hasPipelineDraft(DSLContext tx, long accountId, long messageId) {
        return tx.fetchExists(
                AI_DRAFTS,
                AI_DRAFTS.ACCOUNT_ID.eq(accountId),
                AI_DRAFTS.MESSAGE_ID.eq(messageId),
                AI_DRAFTS.ORIGIN.eq(DSL.inline(PIPELINE)));
    }

    Optional<StoredDraft> find(DSLContext tx, long accountId, long id) {
        return tx.selectFrom(AI_DRAFTS)
                .where(AI_DRAFTS.ACCOUNT_ID.eq(accountId), AI_DRAFTS.ID.eq(id))
                .fetchOptional()
                .map(DraftRepository::toDraft);
    }

    List<StoredDraft> latest(DSLContext tx, long accountId, long conversationId, int limit) {
        return tx.selectFrom(AI_DRAFTS)
                .where(AI_DRAFTS.ACCOUNT_ID.eq(accountId), AI_DRAFTS.CONVERSATION_ID.eq(conversationId))
                .orderBy(AI_DRAFTS.ID.desc())
                .limit(limit)
                .fetch(DraftRepository::toDraft);
    }

    /** Records feedback on a pending draft; empty when the draft is gone or already has feedback. */
    Optional<StoredDraft> recordFeedback(
            DSLContext tx,
            long accountId,
            long id,
            DraftStatus status,
            String finalText,
            Double editDistance,
            long userId) {
        return tx.update(AI_DRAFTS)
                .set(AI_DRAFTS.STATUS, status.wire())
                .set(AI_DRAFTS.FINAL_TEXT, finalText)
                .set(AI_DRAFTS.EDIT_DISTANCE, editDistance == null ? null : editDistance.floatValue())
                .set(AI_DRAFTS.FEEDBACK_BY, userId)
                .set(AI_DRAFTS.FEEDBACK_AT, DSL.currentOffsetDateTime())
                .set(AI_DRAFTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(AI_DRAFTS.ACCOUNT_ID.eq(accountId), AI_DRAFTS.ID.eq(id))
                .and(AI_DRAFTS.STATUS.eq(DSL.inline(DraftStatus.PENDING.wire())))
                .returning()
                .fetchOptional()
                .map(DraftRepository::toDraft);
    }

    /** The account's counts in one aggregate over its drafts. */
    DraftStats stats(DSLContext tx, long accountId) {
        var status = AI_DRAFTS.STATUS;
        var row = tx.select(
                        DSL.count(),
                        DSL.count().filterWhere(status.eq(DraftStatus.ACCEPTED.wire())),
                        DSL.count().filterWhere(status.eq(DraftStatus.EDITED.wire())),
                        DSL.count().filterWhere(status.eq(DraftStatus.REJECTED.wire())),
                        DSL.avg(AI_DRAFTS.EDIT_DISTANCE)
                                .filterWhere(status.in(DraftStatus.ACCEPTED.wire(), DraftStatus.EDITED.wire())))
                .from(AI_DRAFTS)
                .where(AI_DRAFTS.ACCOUNT_ID.eq(accountId))
                .fetchSingle();
        var mean = row.value5();
        return DraftStats.of(
                row.value1(),
                row.value2(),
                row.value3(),
                row.value4(),
                mean == null ? null : Math.round(mean.doubleValue() * 10_000) / 10_000.0);
    }

    private static StoredDraft toDraft(AiDraftsRecord r) {
        OffsetDateTime feedbackAt = r.getFeedbackAt();
        return new StoredDraft(
                r.getId(),
                r.getConversationId(),
                r.getMessageId(),
                r.getOrigin(),
                r.getContent(),
                r.getConfidence() == null ? 0 : Math.round(r.getConfidence() * 1000) / 1000.0,
                r.getReasoning(),
                r.getCitedArticleIds() == null ? List.of() : List.of(r.getCitedArticleIds()),
                r.getProvider(),
                r.getModel(),
                r.getLatencyMs(),
                DraftStatus.fromWire(r.getStatus()),
                r.getFinalText(),
                r.getEditDistance() == null ? null : Math.round(r.getEditDistance() * 10_000) / 10_000.0,
                r.getRequestedBy(),
                r.getFeedbackBy(),
                feedbackAt,
                r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
