package com.hummdesk.ai.pipeline;

import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.MESSAGES;
import static com.hummdesk.platform.db.generated.Tables.TEAMS;

import com.hummdesk.ai.HistoryTurn;
import com.hummdesk.ai.TeamRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * What a classification reads about the conversation around a message. Reads messages, conversations and teams
 * read-only (the conversations and teams features' tables).
 */
final class TriageFinder {
    static final int HISTORY_TURNS = 10;
    static final int EARLIER_CONVERSATIONS = 3;

    record Message(long id, long conversationId, long contactId, String senderType, String content) {
        boolean fromContact() {
            return "contact".equals(senderType);
        }
    }

    Optional<Message> message(DSLContext tx, long accountId, long messageId) {
        var m = MESSAGES;
        var c = CONVERSATIONS;
        return tx.select(m.ID, m.CONVERSATION_ID, c.CONTACT_ID, m.SENDER_TYPE, m.CONTENT)
                .from(m)
                .join(c)
                .on(c.ACCOUNT_ID.eq(m.ACCOUNT_ID), c.ID.eq(m.CONVERSATION_ID))
                .where(m.ACCOUNT_ID.eq(accountId), m.ID.eq(messageId), m.MESSAGE_TYPE.ne("activity"))
                .fetchOptional(r -> new Message(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The customer's latest message in the conversation (what an agent's correction is about). */
    Optional<Message> latestCustomerMessage(DSLContext tx, long accountId, long conversationId) {
        var m = MESSAGES;
        var c = CONVERSATIONS;
        return tx.select(m.ID, m.CONVERSATION_ID, c.CONTACT_ID, m.SENDER_TYPE, m.CONTENT)
                .from(m)
                .join(c)
                .on(c.ACCOUNT_ID.eq(m.ACCOUNT_ID), c.ID.eq(m.CONVERSATION_ID))
                .where(
                        m.ACCOUNT_ID.eq(accountId),
                        m.CONVERSATION_ID.eq(conversationId),
                        m.SENDER_TYPE.eq("contact"),
                        m.MESSAGE_TYPE.eq("incoming"))
                .orderBy(m.ID.desc())
                .limit(1)
                .fetchOptional(r -> new Message(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The public messages before this one, oldest first (private notes and activity are not the customer's). */
    List<HistoryTurn> history(DSLContext tx, long accountId, long conversationId, long beforeMessageId) {
        var m = MESSAGES;
        var turns = new ArrayList<>(tx.select(m.SENDER_TYPE, m.CONTENT)
                .from(m)
                .where(
                        m.ACCOUNT_ID.eq(accountId),
                        m.CONVERSATION_ID.eq(conversationId),
                        m.ID.lt(beforeMessageId),
                        m.PRIVATE.isFalse(),
                        m.MESSAGE_TYPE.in("incoming", "outgoing"))
                .orderBy(m.ID.desc())
                .limit(HISTORY_TURNS)
                .fetch(r -> new HistoryTurn("user".equals(r.value1()) ? "agent" : r.value1(), r.value2())));
        java.util.Collections.reverse(turns);
        return turns;
    }

    /** One line per earlier conversation of the contact, newest first: its category and last message. */
    List<String> earlierConversations(DSLContext tx, long accountId, long contactId, long exceptConversationId) {
        var c = CONVERSATIONS;
        return tx.select(c.AI_CATEGORY, c.STATUS, c.LAST_MESSAGE_PREVIEW)
                .from(c)
                .where(c.ACCOUNT_ID.eq(accountId), c.CONTACT_ID.eq(contactId), c.ID.ne(exceptConversationId))
                .orderBy(c.CREATED_AT.desc(), c.ID.desc())
                .limit(EARLIER_CONVERSATIONS)
                .fetch(r -> "[" + (r.value1() == null ? "uncategorised" : r.value1()) + ", " + r.value2() + "] "
                        + (r.value3() == null ? "" : r.value3()));
    }

    List<TeamRef> teams(DSLContext tx, long accountId) {
        return tx.select(TEAMS.ID, TEAMS.NAME)
                .from(TEAMS)
                .where(TEAMS.ACCOUNT_ID.eq(accountId))
                .orderBy(TEAMS.ID)
                .fetch(r -> new TeamRef(r.value1(), r.value2()));
    }

    boolean teamExists(DSLContext tx, long accountId, long teamId) {
        return tx.fetchExists(TEAMS, TEAMS.ACCOUNT_ID.eq(accountId), TEAMS.ID.eq(teamId));
    }
}
