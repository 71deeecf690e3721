package com.hummdesk.routing;

import static com.hummdesk.platform.db.generated.Tables.ROUTING_QUEUE;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** The queue of conversations waiting for an eligible agent (routing_queue). */
final class QueueRepository {

    /** Queues the conversation; one already waiting keeps its place (its first queued time). */
    void enqueue(DSLContext tx, long accountId, long conversationId) {
        tx.insertInto(ROUTING_QUEUE)
                .set(ROUTING_QUEUE.ACCOUNT_ID, accountId)
                .set(ROUTING_QUEUE.CONVERSATION_ID, conversationId)
                .onConflictDoNothing()
                .execute();
    }

    void remove(DSLContext tx, long accountId, long conversationId) {
        tx.deleteFrom(ROUTING_QUEUE)
                .where(ROUTING_QUEUE.ACCOUNT_ID.eq(accountId), ROUTING_QUEUE.CONVERSATION_ID.eq(conversationId))
                .execute();
    }

    Optional<OffsetDateTime> queuedSince(DSLContext tx, long accountId, long conversationId) {
        return tx.select(ROUTING_QUEUE.QUEUED_AT)
                .from(ROUTING_QUEUE)
                .where(ROUTING_QUEUE.ACCOUNT_ID.eq(accountId), ROUTING_QUEUE.CONVERSATION_ID.eq(conversationId))
                .fetchOptional(ROUTING_QUEUE.QUEUED_AT);
    }
}
