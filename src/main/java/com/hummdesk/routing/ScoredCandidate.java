package com.hummdesk.routing;

import java.time.OffsetDateTime;

/**
 * An eligible agent with the scores the ranking compared, as stored with a decision and shown by {@code GET
 * /api/conversations/{id}/routing}. {@code spareCapacity} = (max - open) / max; {@code performance} in 0..1 is the
 * mean of the resolution rate and a responsiveness of 1 / (1 + median first response / 10 min), over the recent
 * window, null with fewer than three conversations there (ranked as 0.5, neither rewarded nor punished).
 */
record ScoredCandidate(
        int rank,
        long userId,
        String name,
        int openConversations,
        int maxConcurrent,
        double spareCapacity,
        boolean skillMatch,
        boolean teamMatch,
        boolean languageMatch,
        Double performance,
        Double medianFirstResponseSeconds,
        Double resolutionRate,
        int handledRecently,
        OffsetDateTime lastAssignedAt) {

    ScoredCandidate withRank(int value) {
        return new ScoredCandidate(
                value,
                userId,
                name,
                openConversations,
                maxConcurrent,
                spareCapacity,
                skillMatch,
                teamMatch,
                languageMatch,
                performance,
                medianFirstResponseSeconds,
                resolutionRate,
                handledRecently,
                lastAssignedAt);
    }
}
