package com.hummdesk.drafts;

import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.MESSAGES;

import com.hummdesk.ai.Classification;
import com.hummdesk.ai.HistoryTurn;
import com.hummdesk.ai.Priority;
import com.hummdesk.ai.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What a draft is written from: the customer message, the conversation's recent public history and its
 * classification (the conversations table's ai_* columns, set by the AI pipeline). Reads conversations and messages
 * read-only; they belong to the conversations feature.
 */
final class DraftSourceFinder {
    static final int HISTORY = 10;

    /** The conversation's facts for drafting; classification null when the pipeline has not classified it. */
    record ConversationFacts(Classification classification, String language) {}

    boolean conversationExists(DSLContext tx, long accountId, long conversationId) {
        return tx.fetchExists(
                CONVERSATIONS, CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.ID.eq(conversationId));
    }

    Optional<ConversationFacts> conversation(DSLContext tx, long accountId, long conversationId) {
        var c = CONVERSATIONS;
        return tx.select(
                        c.AI_CATEGORY,
                        c.PRIORITY,
                        c.AI_SENTIMENT,
                        c.AI_LANGUAGE,
                        c.AI_CONFIDENCE,
                        c.AI_REASONING,
                        c.AI_PROVIDER,
                        c.TEAM_ID)
                .from(c)
                .where(c.ACCOUNT_ID.eq(accountId), c.ID.eq(conversationId))
                .fetchOptional(r -> {
                    var language = r.value4() == null ? null : r.value4();
                    if (r.value1() == null) {
                        return new ConversationFacts(null, language);
                    }
                    var classification = new Classification(
                            r.value1(),
                            Priority.valueOf(r.value2().toUpperCase(Locale.ROOT)),
                            r.value3() == null
                                    ? Sentiment.NEUTRAL
                                    : Sentiment.valueOf(r.value3().toUpperCase(Locale.ROOT)),
                            language == null ? "en" : language,
                            r.value5() == null
                                    ? 0.5
                                    : Math.max(0, Math.min(1, r.value5().doubleValue())),
                            r.value6() == null ? "" : r.value6(),
                            r.value8(),
                            r.value7() == null ? "unknown" : r.value7(),
                            "",
                            0);
                    return new ConversationFacts(classification, language);
                });
    }

    /** The message's text if it is a public customer message of that conversation. */
    Optional<String> customerMessage(DSLContext tx, long accountId, long conversationId, long messageId) {
        var m = MESSAGES;
        return tx.select(m.CONTENT)
                .from(m)
                .where(m.ACCOUNT_ID.eq(accountId), m.CONVERSATION_ID.eq(conversationId), m.ID.eq(messageId))
                .and(DSL.and(m.SENDER_TYPE.eq("contact"), m.MESSAGE_TYPE.eq("incoming"), m.PRIVATE.isFalse()))
                .fetchOptional(m.CONTENT);
    }

    /** The latest public customer message of the conversation (regenerating drafts a reply to it). */
    Optional<Long> latestCustomerMessage(DSLContext tx, long accountId, long conversationId) {
        var m = MESSAGES;
        return tx.select(m.ID)
                .from(m)
                .where(m.ACCOUNT_ID.eq(accountId), m.CONVERSATION_ID.eq(conversationId))
                .and(DSL.and(m.SENDER_TYPE.eq("contact"), m.MESSAGE_TYPE.eq("incoming"), m.PRIVATE.isFalse()))
                .orderBy(m.ID.desc())
                .limit(1)
                .fetchOptional(m.ID);
    }

    /**
     * Up to {@link #HISTORY} public messages before the given one, oldest first. Private notes are left out: they
     * are the agents' own and must not leak into a reply the customer will read.
     */
    List<HistoryTurn> history(DSLContext tx, long accountId, long conversationId, long beforeMessageId) {
        var m = MESSAGES;
        var turns = new ArrayList<>(tx.select(m.SENDER_TYPE, m.CONTENT)
                .from(m)
                .where(m.ACCOUNT_ID.eq(accountId), m.CONVERSATION_ID.eq(conversationId), m.ID.lt(beforeMessageId))
                .and(DSL.and(m.PRIVATE.isFalse(), m.MESSAGE_TYPE.ne("activity")))
                .orderBy(m.ID.desc())
                .limit(HISTORY)
                .fetch(r -> new HistoryTurn(role(r.value1()), r.value2())));
        java.util.Collections.reverse(turns);
        return turns;
    }

    private static String role(String senderType) {
        return switch (senderType) {
            case "contact" -> "contact";
            case "system" -> "system";
            default -> "agent";
        };
    }
}
