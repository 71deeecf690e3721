package com.hummdesk.conversations;

import static com.hummdesk.platform.db.generated.Tables.CONTACTS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.MESSAGES;
import static com.hummdesk.platform.db.generated.Tables.USERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.trueCondition;

import com.hummdesk.platform.security.ContactSession;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;

/**
 * A page of a conversation's timeline, with the senders' names, in one statement that also proves the
 * conversation is the caller's (no row at all = not found). Reads users and contacts (sender names) read-only.
 */
final class TimelineFinder {
    private static final com.hummdesk.platform.db.generated.tables.Conversations C = CONVERSATIONS.as("c");
    private static final com.hummdesk.platform.db.generated.tables.Messages M = MESSAGES.as("m");
    private static final com.hummdesk.platform.db.generated.tables.Users U = USERS.as("u");
    private static final com.hummdesk.platform.db.generated.tables.Contacts SC = CONTACTS.as("sc");
    private static final String SENDER_NAME = "sender_name";

    /**
     * {@code customer} null = an agent's view (everything); otherwise only that contact's conversation in their
     * inbox, without private notes and activity entries.
     */
    Optional<MessagePage> page(
            DSLContext tx, long accountId, long conversationId, ContactSession customer, Cursor cursor) {
        Condition position = cursor.forward()
                ? M.ID.gt(cursor.after())
                : cursor.before() == null ? noCondition() : M.ID.lt(cursor.before());
        Condition visible = customer == null
                ? noCondition()
                : M.PRIVATE.isFalse().and(M.MESSAGE_TYPE.ne(MessageType.ACTIVITY.wire()));
        var messages = withSenders(DSL.select())
                .where(M.ACCOUNT_ID.eq(C.ACCOUNT_ID), M.CONVERSATION_ID.eq(C.ID), position, visible)
                .orderBy(cursor.forward() ? M.ID.asc() : M.ID.desc())
                // One more than asked for tells whether there is a next page.
                .limit(cursor.limit() + 1)
                .asTable("p");
        var owner = customer == null
                ? noCondition()
                : C.CONTACT_ID.eq(customer.contactId()).and(C.INBOX_ID.eq(customer.inboxId()));
        var id = messages.field(M.ID);
        var rows = tx.select(messages.fields())
                .from(C)
                .leftJoin(lateral(messages))
                .on(trueCondition())
                .where(C.ACCOUNT_ID.eq(accountId), C.ID.eq(conversationId), owner)
                .orderBy(cursor.forward() ? id.asc() : id.desc())
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var page = new ArrayList<MessageView>();
        for (var row : rows) {
            if (row.get(id) != null && page.size() < cursor.limit()) {
                page.add(view(row));
            }
        }
        Long next = rows.size() > cursor.limit() ? page.getLast().id() : null;
        if (!cursor.forward()) {
            Collections.reverse(page);
        }
        return Optional.of(new MessagePage(page, next));
    }

    /** One message as a timeline entry (after posting it, or replaying a retried post). */
    MessageView one(DSLContext tx, long accountId, long messageId) {
        return withSenders(tx.select())
                .where(M.ACCOUNT_ID.eq(accountId), M.ID.eq(messageId))
                .fetchSingle(TimelineFinder::view);
    }

    private static SelectOnConditionStep<Record> withSenders(SelectSelectStep<Record> select) {
        return select.select(
                        M.ID,
                        M.CONVERSATION_ID,
                        M.MESSAGE_TYPE,
                        M.PRIVATE,
                        M.SENDER_TYPE,
                        M.SENDER_ID,
                        M.CONTENT,
                        M.CREATED_AT,
                        coalesce(U.NAME, SC.NAME).as(SENDER_NAME))
                .from(M)
                .leftJoin(U)
                .on(M.SENDER_TYPE.eq(SenderType.USER.wire()), U.ID.eq(M.SENDER_ID))
                .leftJoin(SC)
                .on(M.SENDER_TYPE.eq(SenderType.CONTACT.wire()), SC.ACCOUNT_ID.eq(M.ACCOUNT_ID), SC.ID.eq(M.SENDER_ID));
    }

    private static MessageView view(Record row) {
        Long senderId = row.get(M.SENDER_ID.getName(), Long.class);
        return new MessageView(
                row.get(M.ID.getName(), Long.class),
                row.get(M.CONVERSATION_ID.getName(), Long.class),
                row.get(M.MESSAGE_TYPE.getName(), String.class),
                row.get(M.PRIVATE.getName(), Boolean.class),
                row.get(M.SENDER_TYPE.getName(), String.class),
                senderId == null ? null : new MessageView.Sender(senderId, row.get(SENDER_NAME, String.class)),
                row.get(M.CONTENT.getName(), String.class),
                row.get(M.CREATED_AT.getName(), OffsetDateTime.class));
    }
}
