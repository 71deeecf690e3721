package com.hummdesk.routing;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * What every assignment changes, read fresh for each decision in the statement that reads the conversation: each
 * member's open load and last assignment, and the version of the roster they belong to (0 before its first change).
 */
record AgentLoads(long rosterVersion, Map<Long, Load> byAgent) {

    record Load(int openConversations, OffsetDateTime lastAssignedAt) {}

    /** Parallel arrays, one entry per member, as the statement aggregates them. */
    static AgentLoads of(Long rosterVersion, Long[] userIds, Integer[] open, OffsetDateTime[] lastAssigned) {
        var byAgent = new HashMap<Long, Load>();
        int members = userIds == null ? 0 : userIds.length;
        for (int i = 0; i < members; i++) {
            byAgent.put(userIds[i], new Load(open[i], lastAssigned[i]));
        }
        return new AgentLoads(rosterVersion == null ? 0 : rosterVersion, Map.copyOf(byAgent));
    }
}
