package com.hummdesk.routing;

import java.util.Set;

/**
 * An agent as routing knows them between changes to the account's roster (V21): what an assignment does not change.
 * Skills and languages as stored (routing compares them with a conversation's normalised category and language).
 */
record AgentProfile(
        long userId,
        String name,
        boolean declaredOnline,
        int maxConcurrent,
        Set<String> skills,
        Set<String> languages,
        Set<Long> teamIds,
        int handledRecently,
        Double medianFirstResponseSeconds,
        Double resolutionRate) {}
