package com.hummdesk.conversations;

import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATION_LABELS;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.hummdesk.platform.db.Jdbc;
import com.hummdesk.platform.db.Pending;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Writes conversations and their labels. */
final class ConversationRepository {
    private static final int PREVIEW_LENGTH = ConversationFinder.PREVIEW_LENGTH;

    /** The attributes a change is compared against, read under a row lock. */
    record Current(
            long id,
            long inboxId,
            long contactId,
            String status,
            OffsetDateTime snoozedUntil,
            String priority,
            Long teamId,
            Long assigneeId,
            String aiCategory) {

        Current(
                long id,
                long inboxId,
                long contactId,
                String status,
                OffsetDateTime snoozedUntil,
                String priority,
                Long teamId,
                Long assigneeId) {
            this(id, inboxId, contactId, status, snoozedUntil, priority, teamId, assigneeId, null);
        }
    }

    /** Locks the conversation until the transaction ends; empty when it is not in the account. */
    Optional<Current> lock(DSLContext tx, long accountId, long conversationId) {
        return lockWhere(tx, CONVERSATIONS.ACCOUNT_ID.eq(accountId).and(CONVERSATIONS.ID.eq(conversationId)));
    }

    /** Like {@link #lock}, but only the contact's own conversation in that inbox. */
    Optional<Current> lockForContact(DSLContext tx, long accountId, long conversationId, long contactId, long inbox) {
        return lockWhere(
                tx,
                CONVERSATIONS
                        .ACCOUNT_ID
                        .eq(accountId)
                        .and(CONVERSATIONS.ID.eq(conversationId))
                        .and(CONVERSATIONS.CONTACT_ID.eq(contactId))
                        .and(CONVERSATIONS.INBOX_ID.eq(inbox)));
    }

    private static Optional<Current> lockWhere(DSLContext tx, Condition where) {
        var c = CONVERSATIONS;
        return tx.select(
                        c.ID,
                        c.INBOX_ID,
                        c.CONTACT_ID,
                        c.STATUS,
                        c.SNOOZED_UNTIL,
                        c.PRIORITY,
                        c.TEAM_ID,
                        c.ASSIGNEE_ID,
                        c.AI_CATEGORY)
                .from(c)
                .where(where)
                .forUpdate()
                .fetchOptional(r -> new Current(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9()));
    }

    long insert(DSLContext tx, long accountId, long inboxId, long contactId) {
        return tx.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.ACCOUNT_ID, accountId)
                .set(CONVERSATIONS.INBOX_ID, inboxId)
                .set(CONVERSATIONS.CONTACT_ID, contactId)
                .set(CONVERSATIONS.STATUS, Status.OPEN.wire())
                .returning(CONVERSATIONS.ID)
                .fetchSingle(CONVERSATIONS.ID);
    }

    /** A customer wrote: the conversation is open again and waits for an agent (since the first unanswered one). */
    void recordIncoming(
            DSLContext tx, long accountId, long conversationId, MessageRepository.Stored message, String content) {
        tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.STATUS, Status.OPEN.wire())
                .setNull(CONVERSATIONS.SNOOZED_UNTIL)
                .setNull(CONVERSATIONS.RESOLVED_AT)
                .set(
                        CONVERSATIONS.WAITING_SINCE,
                        DSL.coalesce(CONVERSATIONS.WAITING_SINCE, DSL.val(message.createdAt())))
                .set(CONVERSATIONS.LAST_MESSAGE_ID, message.id())
                .set(CONVERSATIONS.LAST_MESSAGE_AT, message.createdAt())
                .set(CONVERSATIONS.LAST_MESSAGE_PREVIEW, preview(content))
                .set(CONVERSATIONS.UPDATED_AT, currentOffsetDateTime())
                .where(CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.ID.eq(conversationId))
                .execute();
    }

    /** An agent replied: nobody waits any more, and the first reply time is kept for reporting. */
    void recordReply(
            DSLContext tx, long accountId, long conversationId, MessageRepository.Stored message, String content) {
        tx.update(CONVERSATIONS)
                .set(
                        CONVERSATIONS.FIRST_REPLY_AT,
                        DSL.coalesce(CONVERSATIONS.FIRST_REPLY_AT, DSL.val(message.createdAt())))
                .setNull(CONVERSATIONS.WAITING_SINCE)
                .set(CONVERSATIONS.LAST_MESSAGE_ID, message.id())
                .set(CONVERSATIONS.LAST_MESSAGE_AT, message.createdAt())
                .set(CONVERSATIONS.LAST_MESSAGE_PREVIEW, preview(content))
                .set(CONVERSATIONS.UPDATED_AT, currentOffsetDateTime())
                .where(CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.ID.eq(conversationId))
                .execute();
    }

    /** Private notes and activity leave the list preview alone (customers never see them), but count as activity. */
    void touch(DSLContext tx, long accountId, long conversationId) {
        tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.UPDATED_AT, currentOffsetDateTime())
                .where(CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.ID.eq(conversationId))
                .execute();
    }

    void apply(DSLContext tx, long accountId, long conversationId, UpdatePlan plan) {
        var update = tx.update(CONVERSATIONS).set(CONVERSATIONS.UPDATED_AT, currentOffsetDateTime());
        if (plan.status() != null) {
            update = update.set(CONVERSATIONS.STATUS, plan.status().wire())
                    .set(CONVERSATIONS.SNOOZED_UNTIL, plan.status() == Status.SNOOZED ? plan.snoozedUntil() : null)
                    .set(
                            CONVERSATIONS.RESOLVED_AT,
                            plan.status() == Status.RESOLVED
                                    ? currentOffsetDateTime()
                                    : DSL.castNull(OffsetDateTime.class));
        }
        if (plan.priority() != null) {
            update = update.set(CONVERSATIONS.PRIORITY, plan.priority().wire());
        }
        if (plan.teamChanged()) {
            update = update.set(CONVERSATIONS.TEAM_ID, plan.teamId());
        }
        if (plan.assigneeChanged()) {
            update = update.set(CONVERSATIONS.ASSIGNEE_ID, plan.assigneeId());
        }
        if (plan.category() != null) {
            update = update.set(CONVERSATIONS.AI_CATEGORY, plan.category());
        }
        update.where(CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.ID.eq(conversationId))
                .execute();
    }

    /** The AI's answer; a null category or priority leaves that field as it is. */
    void recordClassification(
            DSLContext tx, long accountId, long conversationId, ConversationClassifications.Fields fields) {
        var update = tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.AI_SENTIMENT, fields.sentiment())
                .set(CONVERSATIONS.AI_LANGUAGE, fields.language())
                .set(CONVERSATIONS.AI_CONFIDENCE, (float) fields.confidence())
                .set(CONVERSATIONS.AI_REASONING, fields.reasoning())
                .set(CONVERSATIONS.AI_PROVIDER, fields.provider())
                .set(CONVERSATIONS.UPDATED_AT, currentOffsetDateTime());
        if (fields.category() != null) {
            update = update.set(CONVERSATIONS.AI_CATEGORY, fields.category());
        }
        if (fields.priority() != null) {
            update = update.set(CONVERSATIONS.PRIORITY, fields.priority().wire());
        }
        update.where(CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.ID.eq(conversationId))
                .execute();
    }

    /**
     * See {@link #assignIfUnassigned}; run by {@link Jdbc}, being on every routing decision's path. "assignee_id + 0"
     * keeps the (account, assignee, status) index out: PostgreSQL found the row through it, reading every unassigned
     * conversation of the account (0.43 ms with 1,500 of them, growing with the queue) instead of one primary-key
     * probe (0.01 ms).
     */
    private static final String ASSIGN_IF_UNASSIGNED = """
            with assigned as (
                update conversations set assignee_id = ?, updated_at = current_timestamp
                where account_id = ? and id = ? and assignee_id + 0 is null and status <> ?
                  and exists (select 1 from account_users m where m.account_id = ? and m.user_id = ?)
                returning (select u.name from users u where u.id = ?) as name)
            insert into messages (account_id, conversation_id, message_type, sender_type, content)
            select ?, ?, ?, ?, 'Assigned to ' || name || ' by ' || ? from assigned
            returning id, created_at, content
            """;

    /**
     * The system's assignment: sets the assignee only if there is none, the conversation is not resolved and the
     * agent is a member of the account, and writes the activity entry "Assigned to {agent} by {by}", in one
     * statement (a routing decision's lock is held meanwhile). Of two concurrent assignments the second finds the
     * conversation taken (the row lock makes it re-check). Empty when nothing was assigned; nothing is written then.
     * It travels with the transaction's next statement or its commit: the result is read after the transaction.
     */
    Pending<Optional<Assignment>> assignIfUnassigned(
            DSLContext tx, long accountId, long conversationId, long assigneeId, String by) {
        return Jdbc.laterFirst(
                tx,
                ASSIGN_IF_UNASSIGNED,
                row -> new Assignment(
                        accountId,
                        conversationId,
                        assigneeId,
                        row.getLong(1),
                        row.getString(3),
                        row.getObject(2, OffsetDateTime.class)),
                assigneeId,
                accountId,
                conversationId,
                Status.RESOLVED.wire(),
                accountId,
                assigneeId,
                assigneeId,
                accountId,
                conversationId,
                MessageType.ACTIVITY.wire(),
                SenderType.SYSTEM.wire(),
                by);
    }

    void replaceLabels(DSLContext tx, long accountId, long conversationId, Collection<Long> labelIds) {
        var cl = CONVERSATION_LABELS;
        tx.deleteFrom(cl)
                .where(cl.ACCOUNT_ID.eq(accountId), cl.CONVERSATION_ID.eq(conversationId), cl.LABEL_ID.notIn(labelIds))
                .execute();
        if (labelIds.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(cl, cl.ACCOUNT_ID, cl.CONVERSATION_ID, cl.LABEL_ID);
        for (var labelId : labelIds) {
            insert = insert.values(accountId, conversationId, labelId);
        }
        insert.onConflictDoNothing().execute();
    }

    private static String preview(String content) {
        if (content.length() <= PREVIEW_LENGTH) {
            return content;
        }
        // Never cut a surrogate pair (an emoji) in half.
        int end = Character.isHighSurrogate(content.charAt(PREVIEW_LENGTH - 1)) ? PREVIEW_LENGTH - 1 : PREVIEW_LENGTH;
        return content.substring(0, end);
    }
}
