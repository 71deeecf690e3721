package com.hummdesk.agents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A member of the account as the directory shows them: profile, role, routing settings, current load (conversations
 * assigned and not resolved) and teams.
 */
public record Agent(
        long id,
        String name,
        String email,
        String role,
        String availability,
        int maxConcurrent,
        List<String> skills,
        List<String> languages,
        int openConversations,
        List<AgentTeam> teams,
        OffsetDateTime joinedAt) {

    /** A team the agent belongs to. */
    public record AgentTeam(long id, String name) {}
}
