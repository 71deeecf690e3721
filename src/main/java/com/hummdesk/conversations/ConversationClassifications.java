package com.hummdesk.conversations;

import java.util.Optional;
import org.jooq.DSLContext;

/**
 * How the AI pipeline records a classification on a conversation, inside its own transaction: conversations stays
 * the only writer of its table. The pipeline first locks the conversation to read what it decides on, then writes.
 */
public interface ConversationClassifications {

    /** The conversation as a classification finds it, read under a row lock. */
    record Current(long id, Long assigneeId, String status, Priority priority, String aiCategory) {}

    /**
     * The fields written: category null leaves the category as it is (an agent corrected it), priority null leaves
     * the priority. Category, sentiment and priority use their wire forms.
     */
    record Fields(
            String category,
            String sentiment,
            String language,
            double confidence,
            String reasoning,
            String provider,
            Priority priority) {}

    /** Locks the conversation until the transaction ends; empty when it is not in the account. */
    Optional<Current> lock(DSLContext tx, long accountId, long conversationId);

    void record(DSLContext tx, long accountId, long conversationId, Fields fields);
}
