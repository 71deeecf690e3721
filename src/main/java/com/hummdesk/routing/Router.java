package com.hummdesk.routing;

import java.util.Optional;

/** Routes one conversation now: what the AI pipeline calls after classifying a conversation with confidence. */
public interface Router {

    /**
     * Assigns the conversation to the best eligible agent if it is unassigned, not resolved and in an inbox that is
     * not manual; queues it when nobody is eligible. Safe to call concurrently and repeatedly: an agent never goes
     * over capacity, and an assigned conversation is left as it is.
     */
    RoutingOutcome route(long accountId, long conversationId);

    /**
     * The agent {@link #route} would choose now, read-only (nothing assigned, queued or recorded); empty when nobody
     * is eligible. A manual inbox gets the load_balanced choice, as a suggestion.
     */
    Optional<Long> suggest(long accountId, long conversationId);
}
