package com.hummdesk.routing;

import static com.hummdesk.routing.RoutingFixtures.agent;
import static com.hummdesk.routing.RoutingFixtures.inbox;
import static com.hummdesk.routing.RoutingFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.routing.RoutingSettings.LockScope;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many decisions at once (16 threads on two nodes, more than the pool's 8 connections) never push an agent over
 * capacity, under either lock scope, and the account lock keeps the spread even.
 */
class RoutingConcurrencyIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final int THREADS = 16;
    private static final int AGENTS = 5;
    private static final int CAPACITY = 50;

    private record Run(Map<Long, Integer> perAgent, Map<RoutingOutcome.Result, Integer> outcomes, long queued) {}

    @ParameterizedTest
    @EnumSource(LockScope.class)
    void five_hundred_conversations_at_once_fill_five_agents_of_fifty_exactly(LockScope scope) throws Exception {
        var run = routeInParallel(scope, 500);

        assertThat(run.perAgent().values()).as("per agent").hasSize(AGENTS).containsOnly(CAPACITY);
        assertThat(run.outcomes().get(RoutingOutcome.Result.ASSIGNED)).isEqualTo(AGENTS * CAPACITY);
        assertThat(run.outcomes().get(RoutingOutcome.Result.QUEUED)).isEqualTo(500 - AGENTS * CAPACITY);
        assertThat(run.queued()).isEqualTo(500 - AGENTS * CAPACITY);
    }

    @ParameterizedTest
    @EnumSource(LockScope.class)
    void two_hundred_conversations_at_once_spread_evenly(LockScope scope) throws Exception {
        var run = routeInParallel(scope, 200);
        System.out.println("Spread of 200 over 5 agents with the " + scope + " lock: "
                + run.perAgent().values());

        assertThat(run.outcomes().get(RoutingOutcome.Result.ASSIGNED)).isEqualTo(200);
        assertThat(run.perAgent().values()).hasSize(AGENTS).allSatisfy(n -> assertThat(n)
                .isBetween(scope == LockScope.ACCOUNT ? 39 : 30, scope == LockScope.ACCOUNT ? 41 : 50));
    }

    private static Run routeInParallel(LockScope scope, int conversations) throws Exception {
        long acct =
                Fixtures.tenant(app, "Rushco " + scope + " " + conversations).accountId();
        var inbox = inbox(app, acct, "load_balanced");
        var agents = new ArrayList<Long>();
        for (int i = 0; i < AGENTS; i++) {
            long id = agent(app, acct, "Agent " + i);
            profile(app, acct, id, "online", CAPACITY, List.of(), List.of());
            agents.add(id);
        }
        long contact = RoutingFixtures.contact(app, acct);
        var ids = app.app().database().inAccount(acct, tx -> tx.fetch(
                        "insert into conversations (account_id, inbox_id, contact_id)"
                                + " select ?, ?, ? from generate_series(1, ?) returning id",
                        acct,
                        inbox.id(),
                        contact,
                        conversations)
                .getValues(0, Long.class));

        var outcomes = new ConcurrentHashMap<RoutingOutcome.Result, Integer>();
        var settings = RoutingSettings.defaults().withLockScope(scope);
        try (var nodeA = RoutingFixtures.node(app, settings);
                var nodeB = RoutingFixtures.node(app, settings);
                var pool = Executors.newFixedThreadPool(THREADS)) {
            var next = new AtomicInteger();
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < THREADS; t++) {
                var router = (t % 2 == 0 ? nodeA : nodeB).router();
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                        var outcome = router.route(acct, ids.get(i));
                        outcomes.merge(outcome.result(), 1, Integer::sum);
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
        }
        var perAgent = new java.util.TreeMap<Long, Integer>();
        for (long agentId : agents) {
            perAgent.put(agentId, (int) RoutingFixtures.value(
                    app,
                    acct,
                    "select count(*) from conversations where account_id = ? and assignee_id = ?"
                            + " and status <> 'resolved'",
                    acct,
                    agentId));
        }
        long queued = RoutingFixtures.value(app, acct, "select count(*) from routing_queue where account_id = ?", acct);
        return new Run(perAgent, Map.copyOf(outcomes), queued);
    }
}
