package com.hummdesk.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's agents as of one roster version, kept in memory between decisions ({@link RosterCache}). Combined with
 * a decision's fresh loads it gives what the ranking compares, with the qualification rules the candidate query
 * used to apply in SQL.
 */
record Roster(long version, Instant loadedAt, List<AgentProfile> agents) {

    Roster {
        agents = List.copyOf(agents);
    }

    /**
     * Every member the loads know of, in user id order, whatever their state, so the decision can say why each was
     * left out. A member the roster has but the loads do not joined after the decision's snapshot, and is not
     * considered. Open load is given only for those who are declared online and qualify.
     */
    List<CandidateRow> candidates(RoutedConversation conversation, AgentLoads loads) {
        // Skills steer routing once the account uses them: in an account where no agent has any skill yet, an AI
        // category alone would queue every classified conversation for nobody.
        boolean skillsInUse = agents.stream().anyMatch(a -> !a.skills().isEmpty());
        boolean categoryOnly = conversation.category() != null && conversation.teamId() == null;
        var rows = new ArrayList<CandidateRow>(agents.size());
        for (var agent : agents) {
            var load = loads.byAgent().get(agent.userId());
            if (load == null) {
                continue;
            }
            boolean skill = conversation.category() != null && agent.skills().contains(conversation.category());
            boolean team = conversation.teamId() != null && agent.teamIds().contains(conversation.teamId());
            boolean language =
                    conversation.language() != null && agent.languages().contains(conversation.language());
            boolean qualifies = !conversation.restricted() || (categoryOnly ? skill || !skillsInUse : skill || team);
            rows.add(new CandidateRow(
                    agent.userId(),
                    agent.name(),
                    agent.declaredOnline(),
                    agent.maxConcurrent(),
                    agent.declaredOnline() && qualifies ? load.openConversations() : null,
                    qualifies,
                    skill,
                    team,
                    language,
                    agent.handledRecently(),
                    agent.medianFirstResponseSeconds(),
                    agent.resolutionRate(),
                    load.lastAssignedAt()));
        }
        return rows;
    }
}
