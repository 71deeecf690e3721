package com.hummdesk.routing;

import java.time.OffsetDateTime;

/**
 * One agent of the account as the candidate query sees them for one conversation. {@code openConversations} is
 * counted only for agents who are declared online and qualify (null otherwise: nobody needs it).
 */
record CandidateRow(
        long userId,
        String name,
        boolean declaredOnline,
        int maxConcurrent,
        Integer openConversations,
        boolean qualifies,
        boolean skillMatch,
        boolean teamMatch,
        boolean languageMatch,
        int handledRecently,
        Double medianFirstResponseSeconds,
        Double resolutionRate,
        OffsetDateTime lastAssignedAt) {}
