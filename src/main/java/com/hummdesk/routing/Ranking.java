package com.hummdesk.routing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks the account's agents for one conversation: who is eligible (online, qualified, below capacity), in which
 * order the strategy puts them, and which rule separated the winner from the runner-up. Pure: the SQL gathered the
 * facts, this decides, so every rule is unit-testable.
 *
 * <p>Keys, in order, for load_balanced: speaks the language, spare capacity ratio, recent performance, least
 * recently assigned, lowest user id. For round_robin: speaks the language, least recently assigned, lowest user id.
 * Language comes first but only among the eligible, which makes it preferred and never required.
 */
final class Ranking {
    static final int MIN_SAMPLE = 3;
    static final double NEUTRAL_PERFORMANCE = 0.5;
    static final double REFERENCE_RESPONSE_SECONDS = 600;
    /** How many ranked candidates a decision keeps for its explanation. */
    static final int KEPT = 10;

    static final String UNAVAILABLE = "unavailable";
    static final String OFFLINE = "offline";
    static final String NO_SKILL_OR_TEAM = "noSkillOrTeam";
    static final String AT_CAPACITY = "atCapacity";

    private record Key(Rule rule, Comparator<ScoredCandidate> order) {}

    private static final Key LANGUAGE = new Key(
            Rule.LANGUAGE, Comparator.comparing(ScoredCandidate::languageMatch).reversed());
    private static final Key SPARE_CAPACITY = new Key(Rule.SPARE_CAPACITY, Ranking::moreSpareFirst);
    private static final Key PERFORMANCE = new Key(
            Rule.PERFORMANCE,
            Comparator.comparingDouble(Ranking::rankedPerformance).reversed());
    private static final Key LEAST_RECENT = new Key(
            Rule.LEAST_RECENTLY_ASSIGNED,
            Comparator.comparing(
                    ScoredCandidate::lastAssignedAt, Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder())));
    private static final Key TIE_BREAK = new Key(Rule.TIE_BREAK, Comparator.comparingLong(ScoredCandidate::userId));

    private final Strategy strategy;
    private final List<ScoredCandidate> ranked;
    private final Map<String, Integer> excluded;
    private final Rule rule;

    private Ranking(Strategy strategy, List<ScoredCandidate> ranked, Map<String, Integer> excluded, Rule rule) {
        this.strategy = strategy;
        this.ranked = ranked;
        this.excluded = excluded;
        this.rule = rule;
    }

    /** {@code present}: the agents presence reports online (asked only about the declared-online ones). */
    static Ranking of(Strategy strategy, List<CandidateRow> rows, Set<Long> present) {
        var eligible = new ArrayList<ScoredCandidate>();
        var excluded = new LinkedHashMap<String, Integer>();
        for (var row : rows) {
            var reason = exclusion(row, present);
            if (reason == null) {
                eligible.add(score(row));
            } else {
                excluded.merge(reason, 1, Integer::sum);
            }
        }
        var keys = keys(strategy);
        var order =
                keys.stream().map(Key::order).reduce(Comparator::thenComparing).orElseThrow();
        eligible.sort(order);
        var ranked = new ArrayList<ScoredCandidate>();
        for (int i = 0; i < eligible.size(); i++) {
            ranked.add(eligible.get(i).withRank(i + 1));
        }
        return new Ranking(strategy, List.copyOf(ranked), inReasonOrder(excluded), decidingRule(keys, ranked));
    }

    /** Why an agent cannot take the conversation, or null when they can. */
    private static String exclusion(CandidateRow row, Set<Long> present) {
        if (!row.declaredOnline()) {
            return UNAVAILABLE;
        }
        if (!present.contains(row.userId())) {
            return OFFLINE;
        }
        if (!row.qualifies()) {
            return NO_SKILL_OR_TEAM;
        }
        if (row.openConversations() == null || row.openConversations() >= row.maxConcurrent()) {
            return AT_CAPACITY;
        }
        return null;
    }

    private static ScoredCandidate score(CandidateRow row) {
        int open = row.openConversations();
        double spare = (double) (row.maxConcurrent() - open) / row.maxConcurrent();
        return new ScoredCandidate(
                0,
                row.userId(),
                row.name(),
                open,
                row.maxConcurrent(),
                Math.round(spare * 1000) / 1000.0,
                row.skillMatch(),
                row.teamMatch(),
                row.languageMatch(),
                performance(row.handledRecently(), row.medianFirstResponseSeconds(), row.resolutionRate()),
                row.medianFirstResponseSeconds(),
                row.resolutionRate(),
                row.handledRecently(),
                row.lastAssignedAt());
    }

    /** Rounded to hundredths: smaller differences say nothing about an agent, and fairness should decide then. */
    static Double performance(int handled, Double medianFirstResponseSeconds, Double resolutionRate) {
        if (handled < MIN_SAMPLE) {
            return null;
        }
        double responsiveness = medianFirstResponseSeconds == null
                ? NEUTRAL_PERFORMANCE
                : 1 / (1 + Math.max(0, medianFirstResponseSeconds) / REFERENCE_RESPONSE_SECONDS);
        double resolution = resolutionRate == null ? 0 : resolutionRate;
        return Math.round((responsiveness + resolution) / 2 * 100) / 100.0;
    }

    private static double rankedPerformance(ScoredCandidate c) {
        return c.performance() == null ? NEUTRAL_PERFORMANCE : c.performance();
    }

    /** Compares (max - open) / max exactly, by cross-multiplying, so equal ratios tie (40/50 and 16/20). */
    private static int moreSpareFirst(ScoredCandidate a, ScoredCandidate b) {
        long spareA = (long) (a.maxConcurrent() - a.openConversations()) * b.maxConcurrent();
        long spareB = (long) (b.maxConcurrent() - b.openConversations()) * a.maxConcurrent();
        return Long.compare(spareB, spareA);
    }

    private static List<Key> keys(Strategy strategy) {
        return switch (strategy) {
            case LOAD_BALANCED -> List.of(LANGUAGE, SPARE_CAPACITY, PERFORMANCE, LEAST_RECENT, TIE_BREAK);
            case ROUND_ROBIN -> List.of(LANGUAGE, LEAST_RECENT, TIE_BREAK);
            case MANUAL -> throw new IllegalArgumentException("manual inboxes are never ranked");
        };
    }

    private static Rule decidingRule(List<Key> keys, List<ScoredCandidate> ranked) {
        if (ranked.isEmpty()) {
            return Rule.NO_CANDIDATE;
        }
        if (ranked.size() == 1) {
            return Rule.ONLY_CANDIDATE;
        }
        for (var key : keys) {
            if (key.order().compare(ranked.get(0), ranked.get(1)) != 0) {
                return key.rule();
            }
        }
        throw new IllegalStateException("the tie break orders by distinct user ids");
    }

    /** Counts by reason in the order the checks run (JSONB does not keep the order of keys). */
    static Map<String, Integer> inReasonOrder(Map<String, Integer> counts) {
        var ordered = new LinkedHashMap<String, Integer>();
        for (var reason : List.of(UNAVAILABLE, OFFLINE, NO_SKILL_OR_TEAM, AT_CAPACITY)) {
            if (counts.containsKey(reason)) {
                ordered.put(reason, counts.get(reason));
            }
        }
        return ordered;
    }

    Strategy strategy() {
        return strategy;
    }

    Optional<ScoredCandidate> winner() {
        return ranked.stream().findFirst();
    }

    /** The runner-up, when there is one: what the winner was compared with. */
    Optional<ScoredCandidate> runnerUp() {
        return ranked.stream().skip(1).findFirst();
    }

    Rule rule() {
        return rule;
    }

    /** Every eligible agent, best first. */
    List<ScoredCandidate> ranked() {
        return ranked;
    }

    /** The best {@link #KEPT}, what a decision stores. */
    List<ScoredCandidate> kept() {
        return ranked.subList(0, Math.min(KEPT, ranked.size()));
    }

    int eligibleCount() {
        return ranked.size();
    }

    /** Agents left out, by reason (unavailable, offline, noSkillOrTeam, atCapacity), only reasons that occurred. */
    Map<String, Integer> excluded() {
        return excluded;
    }
}
