package com.hummdesk.routing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One recorded routing decision. {@code outcome} assigned | queued; {@code rule} what separated the winner from the
 * runner-up (only_candidate, language, spare_capacity, performance, least_recently_assigned, tie_break) or
 * no_candidate; {@code routedOn} what the conversation asked for then; {@code candidates} the eligible agents best
 * first (at most ten) with their scores; {@code excluded} how many agents were left out, by reason (unavailable =
 * busy or offline, offline = not connected, noSkillOrTeam, atCapacity).
 */
record RoutingDecision(
        long id,
        OffsetDateTime decidedAt,
        String trigger,
        String strategy,
        String outcome,
        String rule,
        String summary,
        Assignee assignee,
        RoutedOn routedOn,
        List<ScoredCandidate> candidates,
        Map<String, Integer> excluded) {

    /** The agent who got the conversation. */
    record Assignee(long id, String name) {}

    /** The conversation's category, team and language at the time of the decision. */
    record RoutedOn(String category, Long teamId, String language) {}
}
