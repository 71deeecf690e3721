package com.hummdesk.conversations;

import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.MESSAGES;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Stores messages; retries with the same idempotency key never make a second row. */
final class MessageRepository {

    record Stored(long id, OffsetDateTime createdAt) {}

    /** A message found by its idempotency key, to replay the first response of a retried request. */
    record Keyed(long id, long conversationId, String content, boolean privateNote) {}

    /** Empty when the conversation already has a message with this idempotency key (a retry). */
    Optional<Stored> insert(DSLContext tx, long accountId, long conversationId, NewMessage message) {
        return tx.insertInto(MESSAGES)
                .set(MESSAGES.ACCOUNT_ID, accountId)
                .set(MESSAGES.CONVERSATION_ID, conversationId)
                .set(MESSAGES.MESSAGE_TYPE, message.type().wire())
                .set(MESSAGES.PRIVATE, message.privateNote())
                .set(MESSAGES.SENDER_TYPE, message.senderType().wire())
                .set(MESSAGES.SENDER_ID, message.senderId())
                .set(MESSAGES.CONTENT, message.content())
                .set(MESSAGES.IDEMPOTENCY_KEY, message.idempotencyKey())
                .onConflict(MESSAGES.ACCOUNT_ID, MESSAGES.CONVERSATION_ID, MESSAGES.IDEMPOTENCY_KEY)
                .doNothing()
                .returning(MESSAGES.ID, MESSAGES.CREATED_AT)
                .fetchOptional(r -> new Stored(r.getId(), r.getCreatedAt()));
    }

    Optional<Keyed> findByKey(DSLContext tx, long accountId, long conversationId, String key) {
        return tx.select(MESSAGES.ID, MESSAGES.CONVERSATION_ID, MESSAGES.CONTENT, MESSAGES.PRIVATE)
                .from(MESSAGES)
                .where(
                        MESSAGES.ACCOUNT_ID.eq(accountId),
                        MESSAGES.CONVERSATION_ID.eq(conversationId),
                        MESSAGES.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The first message of a conversation this contact started with this key, if any. */
    Optional<Keyed> findStartedByKey(DSLContext tx, long accountId, long contactId, String key) {
        return tx.select(MESSAGES.ID, MESSAGES.CONVERSATION_ID, MESSAGES.CONTENT, MESSAGES.PRIVATE)
                .from(CONVERSATIONS)
                .join(MESSAGES)
                .on(MESSAGES.ACCOUNT_ID.eq(CONVERSATIONS.ACCOUNT_ID), MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID))
                .where(
                        CONVERSATIONS.ACCOUNT_ID.eq(accountId),
                        CONVERSATIONS.CONTACT_ID.eq(contactId),
                        MESSAGES.IDEMPOTENCY_KEY.eq(key),
                        MESSAGES.SENDER_TYPE.eq(SenderType.CONTACT.wire()))
                .orderBy(MESSAGES.ID)
                .limit(1)
                .fetchOptional(r -> new Keyed(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Serialises "start a conversation" requests of one contact with one idempotency key until this transaction
     * ends: the unique key of messages cannot, as there is no conversation yet to be unique in.
     */
    void lockStart(DSLContext tx, long accountId, long contactId, String key) {
        tx.select(DSL.field(
                        "pg_advisory_xact_lock(hashtextextended({0}, 0))",
                        Object.class, DSL.val("conversation-start:" + accountId + ":" + contactId + ":" + key)))
                .fetch();
    }

    /** Activity entries by an agent, or by the system (routing) when {@code actorUserId} is null. */
    List<Stored> insertActivities(
            DSLContext tx, long accountId, long conversationId, Long actorUserId, List<String> texts) {
        var senderType = actorUserId == null ? SenderType.SYSTEM : SenderType.USER;
        var insert = tx.insertInto(
                MESSAGES,
                MESSAGES.ACCOUNT_ID,
                MESSAGES.CONVERSATION_ID,
                MESSAGES.MESSAGE_TYPE,
                MESSAGES.SENDER_TYPE,
                MESSAGES.SENDER_ID,
                MESSAGES.CONTENT);
        for (var text : texts) {
            insert = insert.values(
                    accountId, conversationId, MessageType.ACTIVITY.wire(), senderType.wire(), actorUserId, text);
        }
        // Ids grow in the order of the VALUES rows, so sorted ids line up with texts.
        return insert.returning(MESSAGES.ID, MESSAGES.CREATED_AT).fetch().stream()
                .map(r -> new Stored(r.getId(), r.getCreatedAt()))
                .sorted(java.util.Comparator.comparingLong(Stored::id))
                .toList();
    }
}
