package com.hummdesk.ai.pipeline;

import static com.hummdesk.platform.db.generated.Tables.AI_CLASSIFICATIONS;
import static com.hummdesk.platform.db.generated.Tables.AI_CORRECTIONS;

import com.hummdesk.ai.Classification;
import com.hummdesk.ai.Priority;
import com.hummdesk.ai.Sentiment;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;

/** SQL for ai_classifications and ai_corrections: the history of answers and of agents' corrections. */
final class ClassificationRepository {
    static final String PIPELINE = "pipeline";
    static final String MANUAL = "manual";

    /** A stored classification. */
    record Stored(long id, Classification classification) {}

    /** The pipeline's classification of a message; empty when one exists already (the job ran before). */
    Optional<Long> insertPipeline(
            DSLContext tx, long accountId, long conversationId, long messageId, Classification c) {
        return insert(tx, accountId, conversationId, messageId, c, PIPELINE, null)
                .onConflictDoNothing()
                .returning(AI_CLASSIFICATIONS.ID)
                .fetchOptional(AI_CLASSIFICATIONS.ID);
    }

    long insertManual(
            DSLContext tx, long accountId, long conversationId, long messageId, Classification c, long userId) {
        return insert(tx, accountId, conversationId, messageId, c, MANUAL, userId)
                .returning(AI_CLASSIFICATIONS.ID)
                .fetchSingle(AI_CLASSIFICATIONS.ID);
    }

    private static InsertSetMoreStep<?> insert(
            DSLContext tx,
            long accountId,
            long conversationId,
            long messageId,
            Classification c,
            String source,
            Long userId) {
        var a = AI_CLASSIFICATIONS;
        return tx.insertInto(a)
                .set(a.ACCOUNT_ID, accountId)
                .set(a.MESSAGE_ID, messageId)
                .set(a.CONVERSATION_ID, conversationId)
                .set(a.SOURCE, source)
                .set(a.CATEGORY, c.category())
                .set(a.PRIORITY, c.priority().wire())
                .set(a.SENTIMENT, c.sentiment().wire())
                .set(a.LANGUAGE, c.language())
                .set(a.CONFIDENCE, (float) c.confidence())
                .set(a.REASONING, c.reasoning())
                .set(a.PROVIDER, c.provider())
                .set(a.MODEL, c.model())
                .set(a.LATENCY_MS, (int) Math.min(Integer.MAX_VALUE, c.latencyMs()))
                .set(a.SUGGESTED_TEAM_ID, c.suggestedTeamId())
                .set(a.REQUESTED_BY, userId);
    }

    Optional<Stored> findPipeline(DSLContext tx, long accountId, long messageId) {
        var a = AI_CLASSIFICATIONS;
        return tx.select(
                        a.ID,
                        a.CATEGORY,
                        a.PRIORITY,
                        a.SENTIMENT,
                        a.LANGUAGE,
                        a.CONFIDENCE,
                        a.REASONING,
                        a.SUGGESTED_TEAM_ID,
                        a.PROVIDER,
                        a.MODEL,
                        a.LATENCY_MS)
                .from(a)
                .where(a.ACCOUNT_ID.eq(accountId), a.MESSAGE_ID.eq(messageId), a.SOURCE.eq(PIPELINE))
                .fetchOptional(r -> new Stored(
                        r.value1(),
                        new Classification(
                                r.value2(),
                                Priority.valueOf(r.value3().toUpperCase(Locale.ROOT)),
                                Sentiment.valueOf(r.value4().toUpperCase(Locale.ROOT)),
                                r.value5(),
                                r.value6(),
                                r.value7(),
                                r.value8(),
                                r.value9(),
                                r.value10(),
                                r.value11())));
    }

    /** Routing assigned the conversation on this classification's confidence. */
    void markAutoAssigned(DSLContext tx, long accountId, long classificationId, long agentId) {
        var a = AI_CLASSIFICATIONS;
        tx.update(a)
                .set(a.AUTO_ASSIGNED, true)
                .set(a.SUGGESTED_AGENT_ID, agentId)
                .where(a.ACCOUNT_ID.eq(accountId), a.ID.eq(classificationId))
                .execute();
    }

    void insertCorrection(
            DSLContext tx, long accountId, long conversationId, Long messageId, String from, String to, long userId) {
        var k = AI_CORRECTIONS;
        tx.insertInto(k)
                .set(k.ACCOUNT_ID, accountId)
                .set(k.CONVERSATION_ID, conversationId)
                .set(k.MESSAGE_ID, messageId)
                .set(k.FROM_CATEGORY, from)
                .set(k.TO_CATEGORY, to)
                .set(k.CORRECTED_BY, userId)
                .execute();
    }

    /** An agent has set this conversation's category: the pipeline no longer overwrites it. */
    boolean corrected(DSLContext tx, long accountId, long conversationId) {
        var k = AI_CORRECTIONS;
        return tx.fetchExists(k, k.ACCOUNT_ID.eq(accountId), k.CONVERSATION_ID.eq(conversationId));
    }

    AiStats stats(DSLContext tx, long accountId) {
        var a = AI_CLASSIFICATIONS;
        var k = AI_CORRECTIONS;
        var pipeline = a.ACCOUNT_ID.eq(accountId).and(a.SOURCE.eq(PIPELINE));
        var classified = tx.select(DSL.countDistinct(a.CONVERSATION_ID))
                .from(a)
                .where(pipeline)
                .fetchSingle(0, Long.class);
        var autoAssigned = tx.fetchCount(a, pipeline.and(a.AUTO_ASSIGNED.isTrue()));
        var manual = tx.fetchCount(a, a.ACCOUNT_ID.eq(accountId).and(a.SOURCE.eq(MANUAL)));
        var corrections = tx.fetchCount(k, k.ACCOUNT_ID.eq(accountId));
        var corrected = tx.select(DSL.countDistinct(k.CONVERSATION_ID))
                .from(k)
                .where(
                        k.ACCOUNT_ID.eq(accountId),
                        DSL.exists(DSL.selectOne().from(a).where(pipeline, a.CONVERSATION_ID.eq(k.CONVERSATION_ID))))
                .fetchSingle(0, Long.class);
        double rate = classified == 0 ? 0 : (double) corrected / classified;
        return new AiStats(classified, corrected, rate, autoAssigned, corrections, manual);
    }
}
