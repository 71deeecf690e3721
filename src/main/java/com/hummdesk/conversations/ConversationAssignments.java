package com.hummdesk.conversations;

import com.hummdesk.platform.db.Jdbc;
import com.hummdesk.platform.db.Pending;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Assignment by another feature (routing) inside that feature's own transaction, so that its capacity check, its
 * record of the decision and the assignment commit together. The conversations feature stays the only writer of
 * conversations and messages: it sets the assignee, writes the activity entry and builds the events; the caller
 * passes the result to {@link #announce} once its transaction has committed.
 */
public interface ConversationAssignments {

    /**
     * Assigns the conversation to {@code agentId} if nobody is assigned and it is not resolved, with the activity
     * entry "Assigned to {agent} by {by}" (e.g. by = "routing (load_balanced)"). Empty when it was assigned or
     * resolved meanwhile, or when the agent or the conversation is not in the account; nothing is written then.
     *
     * <p>The statement travels with the transaction's next statement or its commit ({@link Jdbc#laterFirst}): read
     * the result after the transaction. A statement queued after it in the same transaction sees its effect.
     */
    Pending<Optional<Assignment>> assignIfUnassigned(
            DSLContext tx, long accountId, long conversationId, long agentId, String by);

    /**
     * Publishes what an assignment changed: {@link ConversationUpdated}, {@link ConversationAssigned} (no actor) and
     * the activity's {@link MessageCreated}. Call after the transaction that assigned has committed, never inside.
     */
    void announce(Assignment assignment);
}
