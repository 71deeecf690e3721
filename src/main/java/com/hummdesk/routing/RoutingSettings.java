package com.hummdesk.routing;

import java.time.Duration;

/**
 * How routing runs. {@code lockScope}: how concurrent decisions are kept from overfilling an agent (see {@link
 * LockScope}); {@code performanceWindow}: the recent period performance is measured over; {@code statsMaxAge}: how
 * old the performance figures may get before a decision recomputes them; {@code routeNewConversations}: whether a
 * conversation is routed the moment a customer starts it, or left to the AI triage, which routes it once classified
 * (its category and language then count) when the classification is confident, and leaves it to agents otherwise.
 */
public record RoutingSettings(
        LockScope lockScope, Duration performanceWindow, Duration statsMaxAge, boolean routeNewConversations) {

    public enum LockScope {
        /**
         * One decision at a time per account (a transaction-scoped advisory lock): every decision ranks on
         * up-to-date loads, so the spread stays even under bursts. The default.
         */
        ACCOUNT,
        /**
         * Decisions run in parallel; only the chosen agent's row is locked and their load re-counted, and a decision
         * that lost the race ranks again (after a few losses it falls back to the account lock).
         */
        AGENT
    }

    public static RoutingSettings defaults() {
        return new RoutingSettings(LockScope.ACCOUNT, Duration.ofDays(7), Duration.ofMinutes(5), true);
    }

    public RoutingSettings withLockScope(LockScope scope) {
        return new RoutingSettings(scope, performanceWindow, statsMaxAge, routeNewConversations);
    }

    /** New conversations wait for the AI triage to classify and route them. */
    public RoutingSettings afterTriage() {
        return new RoutingSettings(lockScope, performanceWindow, statsMaxAge, false);
    }
}
