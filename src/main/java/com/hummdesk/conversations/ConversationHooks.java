package com.hummdesk.conversations;

import org.jooq.DSLContext;

/**
 * What another feature (the AI pipeline) does inside the conversations feature's own transactions, so that its
 * work commits or rolls back with the data that caused it: a job enqueued with the customer's message, an example
 * stored with the agent's correction. Conversations knows nothing of the implementation. Implementations use only
 * the given transaction; throwing an {@code AppException} rejects the request (and rolls it back).
 */
public interface ConversationHooks {
    /** No hooks: tests and tools that build the conversations feature alone. */
    ConversationHooks NONE = new ConversationHooks() {};

    /** A customer's (contact's) message was stored; a retried request that stored nothing does not call this. */
    default void customerMessageStored(DSLContext tx, long accountId, long conversationId, long messageId) {}

    /**
     * An agent is changing the conversation's category from {@code from} (null: none yet) to {@code to}. Called
     * before the change is written; throw {@code Unprocessable} to refuse a category the account does not have.
     */
    default void categoryChanged(
            DSLContext tx, long accountId, long conversationId, long agentUserId, String from, String to) {}
}
