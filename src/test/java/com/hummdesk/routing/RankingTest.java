package com.hummdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The ranking rules on their own: eligibility, the order of the keys per strategy, and the deciding rule. */
class RankingTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final RoutedConversation BILLING_IN_FINNISH =
            RoutedConversation.of(1, "load_balanced", "open", null, null, "Billing", "fi-FI");

    /** An online, qualified agent with 2 of 10 open and no history; change what a test is about. */
    private record Agent(
            long id,
            boolean online,
            int max,
            Integer open,
            boolean qualifies,
            boolean language,
            int handled,
            Double medianSeconds,
            Double resolutionRate,
            OffsetDateTime lastAssigned) {

        static Agent of(long id) {
            return new Agent(id, true, 10, 2, true, false, 0, null, null, null);
        }

        Agent load(int openNow, int maxConcurrent) {
            return new Agent(
                    id,
                    online,
                    maxConcurrent,
                    openNow,
                    qualifies,
                    language,
                    handled,
                    medianSeconds,
                    resolutionRate,
                    lastAssigned);
        }

        Agent offline() {
            return new Agent(
                    id, false, max, null, qualifies, language, handled, medianSeconds, resolutionRate, lastAssigned);
        }

        Agent unqualified() {
            return new Agent(
                    id, online, max, null, false, language, handled, medianSeconds, resolutionRate, lastAssigned);
        }

        Agent speaks() {
            return new Agent(
                    id, online, max, open, qualifies, true, handled, medianSeconds, resolutionRate, lastAssigned);
        }

        Agent record(int conversations, Double median, Double rate) {
            return new Agent(id, online, max, open, qualifies, language, conversations, median, rate, lastAssigned);
        }

        Agent lastAssigned(OffsetDateTime at) {
            return new Agent(id, online, max, open, qualifies, language, handled, medianSeconds, resolutionRate, at);
        }

        CandidateRow row() {
            return new CandidateRow(
                    id,
                    "Agent " + id,
                    online,
                    max,
                    open,
                    qualifies,
                    qualifies,
                    false,
                    language,
                    handled,
                    medianSeconds,
                    resolutionRate,
                    lastAssigned);
        }
    }

    private static Ranking rank(Strategy strategy, Agent... agents) {
        var everyone = Stream.of(agents).map(Agent::id).collect(Collectors.toSet());
        return rank(strategy, everyone, agents);
    }

    private static Ranking rank(Strategy strategy, Set<Long> present, Agent... agents) {
        return Ranking.of(strategy, Stream.of(agents).map(Agent::row).toList(), present);
    }

    private static List<Long> order(Ranking ranking) {
        return ranking.ranked().stream().map(ScoredCandidate::userId).toList();
    }

    @Test
    void busy_or_offline_agents_and_agents_presence_does_not_see_are_left_out() {
        var ranking = rank(
                Strategy.LOAD_BALANCED, Set.of(1L, 3L), Agent.of(1), Agent.of(2).offline(), Agent.of(3));
        assertThat(order(ranking)).containsExactly(1L, 3L);

        var notConnected = rank(Strategy.LOAD_BALANCED, Set.of(1L), Agent.of(1), Agent.of(3));
        assertThat(order(notConnected)).containsExactly(1L);
        assertThat(notConnected.excluded()).containsExactly(Map.entry(Ranking.OFFLINE, 1));
    }

    @Test
    void agents_at_capacity_are_left_out() {
        var ranking = rank(
                Strategy.LOAD_BALANCED,
                Agent.of(1).load(10, 10),
                Agent.of(2).load(11, 10),
                Agent.of(3).load(0, 0));
        assertThat(ranking.winner()).isEmpty();
        assertThat(ranking.rule()).isEqualTo(Rule.NO_CANDIDATE);
        assertThat(ranking.excluded()).containsExactly(Map.entry(Ranking.AT_CAPACITY, 3));
    }

    @Test
    void agents_without_the_skill_or_the_team_are_left_out() {
        var ranking = rank(
                Strategy.LOAD_BALANCED, Agent.of(1).unqualified(), Agent.of(2).load(9, 10));
        assertThat(order(ranking)).containsExactly(2L);
        assertThat(ranking.rule()).isEqualTo(Rule.ONLY_CANDIDATE);
        assertThat(ranking.excluded()).containsExactly(Map.entry(Ranking.NO_SKILL_OR_TEAM, 1));
    }

    @Test
    void excluded_counts_come_in_a_fixed_order_of_reasons() {
        var ranking = rank(
                Strategy.LOAD_BALANCED,
                Set.of(1L, 2L, 3L),
                Agent.of(1).load(10, 10),
                Agent.of(2).unqualified(),
                Agent.of(3).offline(),
                Agent.of(4));
        assertThat(ranking.excluded().keySet())
                .containsExactly(Ranking.UNAVAILABLE, Ranking.OFFLINE, Ranking.NO_SKILL_OR_TEAM, Ranking.AT_CAPACITY);
    }

    @Test
    void speaking_the_language_wins_over_spare_capacity() {
        var ranking = rank(
                Strategy.LOAD_BALANCED,
                Agent.of(1).load(0, 10),
                Agent.of(2).load(8, 10).speaks());
        assertThat(order(ranking)).containsExactly(2L, 1L);
        assertThat(ranking.rule()).isEqualTo(Rule.LANGUAGE);
    }

    @Test
    void language_is_preferred_not_required() {
        var ranking = rank(
                Strategy.LOAD_BALANCED, Agent.of(1).load(5, 10), Agent.of(2).load(1, 10));
        assertThat(order(ranking)).containsExactly(2L, 1L);
        assertThat(ranking.rule()).isEqualTo(Rule.SPARE_CAPACITY);
    }

    @Test
    void spare_capacity_is_a_ratio_and_comes_before_performance() {
        var busyStar = Agent.of(1).load(8, 10).record(20, 30.0, 1.0);
        var freeNovice = Agent.of(2).load(10, 20).record(20, 3600.0, 0.2);
        var ranking = rank(Strategy.LOAD_BALANCED, busyStar, freeNovice);
        assertThat(order(ranking)).containsExactly(2L, 1L);
        assertThat(ranking.rule()).isEqualTo(Rule.SPARE_CAPACITY);
        assertThat(ranking.winner().orElseThrow().spareCapacity()).isEqualTo(0.5);
    }

    @Test
    void equal_spare_capacity_goes_to_the_better_recent_performance() {
        var slow = Agent.of(1).load(10, 50).record(30, 1800.0, 0.5);
        var fast = Agent.of(2).load(4, 20).record(30, 120.0, 0.9);
        var ranking = rank(Strategy.LOAD_BALANCED, slow, fast);
        assertThat(order(ranking)).containsExactly(2L, 1L);
        assertThat(ranking.rule()).isEqualTo(Rule.PERFORMANCE);
    }

    @Test
    void agents_without_a_record_rank_as_average_performers() {
        var good = Agent.of(1).record(10, 60.0, 0.9);
        var unknown = Agent.of(2);
        var poor = Agent.of(3).record(10, 7200.0, 0.1);
        assertThat(order(rank(Strategy.LOAD_BALANCED, poor, unknown, good))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void then_the_least_recently_assigned_then_the_lowest_id() {
        var recent = Agent.of(1).lastAssigned(T0.plusMinutes(5));
        var earlier = Agent.of(2).lastAssigned(T0);
        var never = Agent.of(3);
        var ranking = rank(Strategy.LOAD_BALANCED, recent, earlier, never);
        assertThat(order(ranking)).containsExactly(3L, 2L, 1L);
        assertThat(ranking.rule()).isEqualTo(Rule.LEAST_RECENTLY_ASSIGNED);

        var twins = rank(Strategy.LOAD_BALANCED, Agent.of(7), Agent.of(5));
        assertThat(order(twins)).containsExactly(5L, 7L);
        assertThat(twins.rule()).isEqualTo(Rule.TIE_BREAK);
    }

    @Test
    void round_robin_takes_turns_whatever_the_load() {
        var free = Agent.of(1).load(0, 10).lastAssigned(T0.plusMinutes(1));
        var busy = Agent.of(2).load(9, 10).lastAssigned(T0);
        var full = Agent.of(3).load(10, 10);
        var ranking = rank(Strategy.ROUND_ROBIN, free, busy, full);
        assertThat(order(ranking)).containsExactly(2L, 1L);
        assertThat(ranking.rule()).isEqualTo(Rule.LEAST_RECENTLY_ASSIGNED);
    }

    @Test
    void performance_needs_three_conversations_and_mixes_speed_and_resolution() {
        assertThat(Ranking.performance(2, 60.0, 1.0)).isNull();
        assertThat(Ranking.performance(3, 0.0, 1.0)).isEqualTo(1.0);
        assertThat(Ranking.performance(3, 600.0, 0.5)).isEqualTo(0.5);
        assertThat(Ranking.performance(3, null, 0.0)).isEqualTo(0.25);
    }

    @Test
    void the_summary_names_the_winner_the_rule_and_who_was_left_out() {
        var ranking = rank(
                Strategy.LOAD_BALANCED,
                Set.of(1L, 2L),
                Agent.of(1).load(1, 10),
                Agent.of(2).load(5, 10),
                Agent.of(3).offline());
        assertThat(DecisionSummary.of(BILLING_IN_FINNISH, ranking))
                .isEqualTo("Assigned to Agent 1 (load_balanced): most spare capacity, 9 of 10 free (90%) against"
                        + " 5 of 10 free (50%) for Agent 2. 2 eligible; left out: 1 busy or offline.");

        var nobody = rank(
                Strategy.ROUND_ROBIN, Agent.of(1).unqualified(), Agent.of(2).load(10, 10));
        assertThat(DecisionSummary.of(BILLING_IN_FINNISH, nobody))
                .isEqualTo("No eligible agent (round_robin); waiting in the queue. Left out: 1 without the skill"
                        + " billing, 1 at capacity.");
    }

    @Test
    void the_conversation_asks_for_normalised_category_and_language() {
        assertThat(BILLING_IN_FINNISH.category()).isEqualTo("billing");
        assertThat(BILLING_IN_FINNISH.language()).isEqualTo("fi");
        assertThat(BILLING_IN_FINNISH.restricted()).isTrue();
        assertThat(RoutedConversation.of(2, "manual", "resolved", null, null, " ", null)
                        .restricted())
                .isFalse();
    }
}
