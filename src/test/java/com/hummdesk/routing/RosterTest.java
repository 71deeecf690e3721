package com.hummdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who qualifies for a conversation, worked out from the in-memory roster and a decision's fresh loads. */
class RosterTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);

    private static AgentProfile agent(long id, boolean online, Set<String> skills, Set<Long> teams) {
        return new AgentProfile(id, "Agent " + id, online, 10, skills, Set.of("fi"), teams, 4, 120.0, 0.5);
    }

    private static AgentLoads loads(long... ids) {
        var userIds = new Long[ids.length];
        var open = new Integer[ids.length];
        var last = new Double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            userIds[i] = ids[i];
            open[i] = (int) ids[i];
            last[i] = ids[i] == 1 ? T0.toEpochSecond() + 0.123456 : null;
        }
        return AgentLoads.of(7L, userIds, open, last);
    }

    private static RoutedConversation conversation(String category, Long teamId, String language) {
        return RoutedConversation.of(9, "load_balanced", "open", null, teamId, category, language);
    }

    private static final Roster ROSTER = new Roster(
            7,
            Instant.EPOCH,
            List.of(
                    agent(1, true, Set.of("billing"), Set.of()),
                    agent(2, true, Set.of(), Set.of(50L)),
                    agent(3, false, Set.of("billing"), Set.of(50L))));

    @Test
    void a_category_asks_for_the_skill_a_team_for_membership_and_either_will_do_when_both_are_given() {
        assertThat(ROSTER.candidates(conversation("Billing", null, null), loads(1, 2, 3)))
                .extracting(CandidateRow::userId, CandidateRow::qualifies, CandidateRow::skillMatch)
                .containsExactly(tuple(1L, true, true), tuple(2L, false, false), tuple(3L, true, true));
        assertThat(ROSTER.candidates(conversation(null, 50L, null), loads(1, 2, 3)))
                .extracting(CandidateRow::qualifies)
                .containsExactly(false, true, true);
        assertThat(ROSTER.candidates(conversation("billing", 50L, null), loads(1, 2, 3)))
                .extracting(CandidateRow::qualifies, CandidateRow::teamMatch)
                .containsExactly(tuple(true, false), tuple(true, true), tuple(true, true));
    }

    @Test
    void a_category_qualifies_everyone_while_nobody_in_the_account_has_a_skill() {
        var unskilled = new Roster(
                1, Instant.EPOCH, List.of(agent(1, true, Set.of(), Set.of()), agent(2, true, Set.of(), Set.of())));
        assertThat(unskilled.candidates(conversation("billing", null, null), loads(1, 2)))
                .extracting(CandidateRow::qualifies)
                .containsExactly(true, true);
        assertThat(unskilled.candidates(conversation("billing", 50L, null), loads(1, 2)))
                .extracting(CandidateRow::qualifies)
                .containsExactly(false, false);
    }

    @Test
    void open_load_is_given_for_online_qualified_agents_only_and_language_is_compared_normalised() {
        var rows = ROSTER.candidates(conversation("billing", null, "fi-FI"), loads(1, 2, 3));
        assertThat(rows).extracting(CandidateRow::openConversations).containsExactly(1, null, null);
        assertThat(rows).extracting(CandidateRow::languageMatch).containsExactly(true, true, true);
        assertThat(rows.getFirst().lastAssignedAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(rows.get(1).lastAssignedAt()).isNull();
        assertThat(rows.getFirst())
                .extracting(CandidateRow::name, CandidateRow::handledRecently, CandidateRow::resolutionRate)
                .containsExactly("Agent 1", 4, 0.5);
    }

    @Test
    void members_outside_the_decision_s_snapshot_are_not_candidates() {
        // Agent 3 joined after the loads were read: not considered. Agent 4 is in the loads but left the roster.
        var rows = ROSTER.candidates(conversation(null, null, null), loads(1, 2, 4));
        assertThat(rows).extracting(CandidateRow::userId).containsExactly(1L, 2L);
    }

    @Test
    void an_account_without_any_roster_change_yet_is_version_zero() {
        assertThat(AgentLoads.of(null, null, null, null)).isEqualTo(new AgentLoads(0, Map.of()));
    }
}
