package com.hummdesk.routing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/conversations/{id}/routing}: the inbox's strategy, the current assignee, since when the
 * conversation waits in the queue (null when it does not), and the latest routing decisions, newest first.
 */
record RoutingExplanation(
        long conversationId,
        String strategy,
        Long assigneeId,
        OffsetDateTime queuedSince,
        List<RoutingDecision> decisions) {}
