package com.hummdesk.routing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * What every assignment changes, read fresh for each decision in the statement that reads the conversation: each
 * member's open load and last assignment, and the version of the roster they belong to (0 before its first change).
 */
record AgentLoads(long rosterVersion, Map<Long, Load> byAgent) {

    record Load(int openConversations, OffsetDateTime lastAssignedAt) {}

    /**
     * Parallel arrays, one entry per member, as the statement aggregates them; last assignments in epoch seconds
     * (PostgreSQL's float8 {@code date_part('epoch', ...)}: a double's 53 bits hold today's epoch microseconds
     * exactly, so rounding gives the stored timestamp back).
     */
    static AgentLoads of(Long rosterVersion, Long[] userIds, Integer[] open, Double[] lastAssignedEpochSeconds) {
        var byAgent = new HashMap<Long, Load>();
        int members = userIds == null ? 0 : userIds.length;
        for (int i = 0; i < members; i++) {
            byAgent.put(userIds[i], new Load(open[i], timestamp(lastAssignedEpochSeconds[i])));
        }
        return new AgentLoads(rosterVersion == null ? 0 : rosterVersion, Map.copyOf(byAgent));
    }

    static OffsetDateTime timestamp(Double epochSeconds) {
        if (epochSeconds == null) {
            return null;
        }
        long micros = Math.round(epochSeconds * 1_000_000);
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
