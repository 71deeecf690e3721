package com.hummdesk.routing;

import com.hummdesk.conversations.Assignment;
import com.hummdesk.conversations.ConversationAssignments;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.db.Pending;
import com.hummdesk.platform.db.Scope;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.security.CurrentUser;
import com.hummdesk.routing.RoutingSettings.LockScope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Routing decisions, one transaction each: lock, read the conversation and its account's loads (the rest of what the
 * ranking compares, the roster, is kept in memory while its version holds), rank, then assign (through
 * the conversations feature) or queue, and record why. Events are announced after commit. Also drains the queue
 * when an agent comes online or frees capacity, and explains decisions.
 */
final class RoutingService implements Router {
    /** AGENT lock scope: decisions that lost the race for the chosen agent this often fall back to the account lock. */
    static final int AGENT_LOCK_ATTEMPTS = 3;
    /** At most this many conversations per drain; more wait for the next trigger. */
    static final int MAX_DRAIN = 200;

    static final int EXPLAINED_DECISIONS = 5;
    /** How long a roster serves without a version change: the bound on how stale an agent's name may be. */
    static final Duration ROSTER_MAX_AGE = Duration.ofMinutes(1);

    private final Database db;
    private final ConversationAssignments assignments;
    private final RoutingPresence presence;
    private final LockScope lockScope;
    private final PerformanceStats stats;
    private final CandidateFinder candidates = new CandidateFinder();
    private final RosterCache rosters;
    private final WaitingFinder waiting = new WaitingFinder();
    private final DecisionRepository decisions = new DecisionRepository();
    private final QueueRepository queue = new QueueRepository();
    private final AgentLoadRepository load = new AgentLoadRepository();
    private final AccountLocks accountLocks = new AccountLocks(256);

    /**
     * One transaction's result; {@code lostRace}: the chosen agent filled up meanwhile, rank again. An assignment
     * runs with the commit: {@code assignment} says after it whether it was written ({@code outcome} if so).
     */
    private record Attempt(RoutingOutcome outcome, Pending<Optional<Assignment>> assignment, boolean lostRace) {
        static final Attempt LOST_RACE = new Attempt(null, null, true);

        static Attempt done(RoutingOutcome.Result result) {
            return new Attempt(RoutingOutcome.of(result), null, false);
        }

        /** After the commit: the outcome, and the assignment to announce if there was one. */
        RoutingOutcome settle(ConversationAssignments assignments) {
            if (assignment == null) {
                return outcome;
            }
            var written = assignment.get();
            if (written.isEmpty()) {
                return RoutingOutcome.of(RoutingOutcome.Result.NOT_ROUTABLE);
            }
            assignments.announce(written.get());
            return outcome;
        }
    }

    RoutingService(
            Database db,
            ConversationAssignments assignments,
            RoutingPresence presence,
            LockScope lockScope,
            PerformanceStats stats,
            Clock clock) {
        this.db = db;
        this.rosters = new RosterCache(candidates, ROSTER_MAX_AGE, clock);
        this.assignments = assignments;
        this.presence = presence;
        this.lockScope = lockScope;
        this.stats = stats;
    }

    @Override
    public RoutingOutcome route(long accountId, long conversationId) {
        return route(accountId, conversationId, Trigger.REQUESTED);
    }

    RoutingOutcome route(long accountId, long conversationId, Trigger trigger) {
        stats.refreshIfStale(accountId);
        for (int attempt = 1; ; attempt++) {
            boolean accountLock = lockScope == LockScope.ACCOUNT || attempt > AGENT_LOCK_ATTEMPTS;
            Function<DSLContext, Attempt> work = tx -> attempt(tx, accountId, conversationId, trigger);
            var result = accountLock
                    ? accountLocks.underLock(
                            accountId, () -> db.transaction(AgentLoadRepository.accountLocked(accountId), work))
                    : db.inAccount(accountId, work);
            if (result.lostRace()) {
                continue;
            }
            return result.settle(assignments);
        }
    }

    private Attempt attempt(DSLContext tx, long accountId, long conversationId, Trigger trigger) {
        var found = candidates.facts(tx, accountId, conversationId, lockScope == LockScope.AGENT);
        if (found.isEmpty() || !found.get().conversation().needsAgent()) {
            return Attempt.done(RoutingOutcome.Result.NOT_ROUTABLE);
        }
        var facts = found.get();
        var conversation = facts.conversation();
        if (conversation.strategy() == Strategy.MANUAL) {
            return Attempt.done(RoutingOutcome.Result.MANUAL);
        }
        var ranking = rank(tx, accountId, facts, conversation.strategy());
        if (ranking.winner().isEmpty()) {
            queue.enqueue(tx, accountId, conversationId);
            decisions.insert(tx, accountId, conversation, trigger, ranking);
            return Attempt.done(RoutingOutcome.Result.QUEUED);
        }
        return assign(tx, accountId, conversation, trigger, ranking);
    }

    private Ranking rank(DSLContext tx, long accountId, DecisionFacts facts, Strategy strategy) {
        var roster = rosters.current(tx, accountId, facts.loads());
        var rows = roster.candidates(facts.conversation(), facts.loads());
        var declaredOnline = rows.stream()
                .filter(CandidateRow::declaredOnline)
                .map(CandidateRow::userId)
                .toList();
        return Ranking.of(strategy, rows, presence.onlineAmong(accountId, declaredOnline));
    }

    /**
     * The decision {@link #route} would make now, read-only: no lock (a concurrent decision may change the answer),
     * no assignment, nothing recorded.
     */
    @Override
    public Optional<Long> suggest(long accountId, long conversationId) {
        return Optional.ofNullable(preview(accountId, conversationId).suggestedAgentId());
    }

    RoutingPreview preview(long accountId, long conversationId) {
        return db.read(Scope.account(accountId), tx -> {
            var facts = candidates
                    .facts(tx, accountId, conversationId, false)
                    .orElseThrow(RoutingService::noSuchConversation);
            var conversation = facts.conversation();
            var strategy =
                    conversation.strategy() == Strategy.MANUAL ? Strategy.LOAD_BALANCED : conversation.strategy();
            return RoutingPreview.of(conversation, rank(tx, accountId, facts, strategy));
        });
    }

    private Attempt assign(
            DSLContext tx, long accountId, RoutedConversation conversation, Trigger trigger, Ranking ranking) {
        var winner = ranking.winner().orElseThrow();
        long agentId = winner.userId();
        // With only account locks, the ranking saw every committed assignment and none is in flight. With agent
        // locks, decisions run in parallel (a fallback under the account lock too), so re-count under the agent's.
        if (lockScope == LockScope.AGENT
                && load.lockAgentAndCountOpen(tx, accountId, agentId) >= winner.maxConcurrent()) {
            return Attempt.LOST_RACE;
        }
        // The assignment and its record travel with the COMMIT, one round trip: the record is written only if the
        // assignment was (a condition in its SQL), and whether it was is known after the commit.
        var by = "routing (" + conversation.strategy().wire() + ")";
        var assignment = assignments.assignIfUnassigned(tx, accountId, conversation.id(), agentId, by);
        decisions.recordAssignment(tx, accountId, conversation, trigger, ranking);
        return new Attempt(RoutingOutcome.assigned(agentId), assignment, false);
    }

    /**
     * The agent can take more: routes the queued conversations they qualify for, longest waiting first, until one
     * stays queued (they are full again, or went offline) or none is left. Routing may give one to a better placed
     * agent; that is fine, the next one is tried.
     */
    void drain(long accountId, long agentId, Trigger trigger) {
        if (!presence.isOnline(accountId, agentId)) {
            return;
        }
        var tried = new ArrayList<Long>();
        for (int i = 0; i < MAX_DRAIN; i++) {
            var next = db.inAccount(accountId, tx -> waiting.nextFor(tx, accountId, agentId, tried));
            if (next.isEmpty() || route(accountId, next.get(), trigger).result() == RoutingOutcome.Result.QUEUED) {
                return;
            }
            tried.add(next.get());
        }
    }

    /** A conversation was resolved: it leaves the queue, and its assignee (if any) has room for the next one. */
    void resolved(long accountId, long conversationId) {
        var assignee = db.inAccount(accountId, tx -> {
            queue.remove(tx, accountId, conversationId);
            return candidates.conversation(tx, accountId, conversationId).map(RoutedConversation::assigneeId);
        });
        assignee.ifPresent(agentId -> drain(accountId, agentId, Trigger.CAPACITY_FREED));
    }

    /** An agent assigned by hand: the conversation leaves the queue, and the previous assignee has room again. */
    void reassigned(long accountId, long conversationId, Long assigneeId, Long previousAssigneeId) {
        if (assigneeId != null) {
            db.runInAccount(accountId, tx -> queue.remove(tx, accountId, conversationId));
        }
        if (previousAssigneeId != null) {
            drain(accountId, previousAssigneeId, Trigger.CAPACITY_FREED);
        }
    }

    private RoutedConversation existing(DSLContext tx, long accountId, long conversationId) {
        return candidates.conversation(tx, accountId, conversationId).orElseThrow(RoutingService::noSuchConversation);
    }

    private static NotFound noSuchConversation() {
        return new NotFound("not_found", "No such conversation.");
    }

    RoutingExplanation explain(CurrentUser user, long conversationId) {
        long accountId = user.accountId();
        return db.inAccount(accountId, tx -> {
            var conversation = existing(tx, accountId, conversationId);
            return new RoutingExplanation(
                    conversationId,
                    conversation.strategy().wire(),
                    conversation.assigneeId(),
                    queue.queuedSince(tx, accountId, conversationId).orElse(null),
                    decisions.latest(tx, accountId, conversationId, EXPLAINED_DECISIONS));
        });
    }
}
