package com.hummdesk.routing;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/conversations/{id}/routing/preview}: whom routing would choose for the conversation now, and why,
 * without assigning or recording anything. For a manual inbox it is a suggestion ranked as load_balanced would.
 * {@code suggestedAgentId} is null when nobody is eligible.
 */
record RoutingPreview(
        long conversationId,
        String strategy,
        Long assigneeId,
        Long suggestedAgentId,
        String rule,
        String summary,
        List<ScoredCandidate> candidates,
        Map<String, Integer> excluded) {

    static RoutingPreview of(RoutedConversation conversation, Ranking ranking) {
        return new RoutingPreview(
                conversation.id(),
                conversation.strategy().wire(),
                conversation.assigneeId(),
                ranking.winner().map(ScoredCandidate::userId).orElse(null),
                ranking.rule().wire(),
                DecisionSummary.of(conversation, ranking, true),
                ranking.kept(),
                ranking.excluded());
    }
}
