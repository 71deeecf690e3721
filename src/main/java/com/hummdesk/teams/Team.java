package com.hummdesk.teams;

import java.time.OffsetDateTime;
import java.util.List;

/** A team with its members. */
public record Team(
        long id, String name, String description, int memberCount, List<TeamMember> members, OffsetDateTime createdAt) {

    static Team of(TeamSummary summary, List<TeamMember> members) {
        return new Team(
                summary.id(), summary.name(), summary.description(), members.size(), members, summary.createdAt());
    }
}
