package com.hummdesk.routing;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/** The one-sentence explanation a decision carries, for people: who got it and which rule decided. */
final class DecisionSummary {
    private DecisionSummary() {}

    static String of(RoutedConversation conversation, Ranking ranking) {
        return of(conversation, ranking, false);
    }

    /** {@code preview}: what routing would do now, said as such ("Would go to ..."), nothing having happened. */
    static String of(RoutedConversation conversation, Ranking ranking, boolean preview) {
        var strategy = ranking.strategy().wire();
        var leftOut = leftOut(conversation, ranking.excluded());
        var winner = ranking.winner();
        if (winner.isEmpty()) {
            return "No eligible agent (" + strategy + ")"
                    + (preview ? "; it would wait in the queue." : "; waiting in the queue.")
                    + (leftOut.isEmpty() ? " The account has no agents." : " Left out: " + leftOut + ".");
        }
        var text = (preview ? "Would go to " : "Assigned to ") + winner.get().name() + " (" + strategy + "): "
                + reason(conversation, ranking) + ". " + ranking.eligibleCount() + " eligible";
        return text + (leftOut.isEmpty() ? "." : "; left out: " + leftOut + ".");
    }

    private static String reason(RoutedConversation conversation, Ranking ranking) {
        var w = ranking.winner().orElseThrow();
        var r = ranking.runnerUp().orElse(null);
        return switch (ranking.rule()) {
            case ONLY_CANDIDATE -> "the only eligible agent";
            case LANGUAGE -> "speaks " + conversation.language() + ", the runner-up does not";
            case SPARE_CAPACITY -> "most spare capacity, " + free(w) + " against " + free(r) + " for " + r.name();
            case PERFORMANCE ->
                "same spare capacity, better recent performance (" + w.performance() + " against "
                        + (r.performance() == null ? "no record" : r.performance()) + ")";
            case LEAST_RECENTLY_ASSIGNED ->
                ranking.strategy() == Strategy.ROUND_ROBIN
                        ? "next in turn (least recently assigned)"
                        : "same spare capacity and performance, least recently assigned";
            case TIE_BREAK -> "equal on every rule, lowest agent id";
            case NO_CANDIDATE -> throw new IllegalStateException("a winner was chosen");
        };
    }

    private static String free(ScoredCandidate c) {
        return (c.maxConcurrent() - c.openConversations()) + " of " + c.maxConcurrent() + " free ("
                + Math.round(c.spareCapacity() * 100) + "%)";
    }

    private static String leftOut(RoutedConversation conversation, Map<String, Integer> excluded) {
        var parts = new ArrayList<String>();
        excluded.forEach((reason, count) -> parts.add(count + " " + label(reason, conversation)));
        return String.join(", ", parts);
    }

    private static String label(String reason, RoutedConversation conversation) {
        return switch (reason) {
            case Ranking.UNAVAILABLE -> "busy or offline";
            case Ranking.OFFLINE -> "not connected";
            case Ranking.AT_CAPACITY -> "at capacity";
            case Ranking.NO_SKILL_OR_TEAM -> "without " + requirement(conversation);
            default -> reason.toLowerCase(Locale.ROOT);
        };
    }

    private static String requirement(RoutedConversation conversation) {
        if (conversation.category() != null && conversation.teamId() != null) {
            return "the skill " + conversation.category() + " or the team";
        }
        return conversation.category() != null ? "the skill " + conversation.category() : "the team";
    }
}
