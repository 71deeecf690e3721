package com.hummdesk.routing;

import static com.hummdesk.routing.RoutingFixtures.agent;
import static com.hummdesk.routing.RoutingFixtures.contact;
import static com.hummdesk.routing.RoutingFixtures.inbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * account_users.open_conversations (V16's trigger) always equals the agent's assigned, unresolved conversations:
 * after each kind of write through the API and in SQL, and after opposite transfers racing each other.
 */
class OpenLoadCounterIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void the_counter_follows_assignments_transfers_status_changes_and_deletes() {
        var owner = Fixtures.tenant(app, "Countco");
        long acct = owner.accountId();
        var box = inbox(app, acct, "manual");
        long ann = agent(app, acct, "Ann");
        long bob = agent(app, acct, "Bob");
        long c1 = conversation(acct, box, null, "open");
        long c2 = conversation(acct, box, ann, "pending");
        long c3 = conversation(acct, box, ann, "resolved");
        assertCounted(acct, Map.of(ann, 1, bob, 0));

        patch(owner, c1, Map.of("assigneeId", ann));
        assertCounted(acct, Map.of(ann, 2, bob, 0));
        patch(owner, c1, Map.of("assigneeId", bob));
        assertCounted(acct, Map.of(ann, 1, bob, 1));
        patch(owner, c2, Map.of("status", "snoozed", "snoozedUntil", "2099-01-01T00:00:00Z"));
        assertCounted(acct, Map.of(ann, 1, bob, 1));
        patch(owner, c2, Map.of("status", "resolved"));
        assertCounted(acct, Map.of(ann, 0, bob, 1));
        patch(owner, c3, Map.of("status", "open"));
        assertCounted(acct, Map.of(ann, 1, bob, 1));
        sql(acct, "update conversations set assignee_id = null, status = 'resolved' where id = ?", c1);
        assertCounted(acct, Map.of(ann, 1, bob, 0));
        sql(acct, "update conversations set assignee_id = ?, status = 'open' where id = ?", bob, c1);
        assertCounted(acct, Map.of(ann, 1, bob, 1));
        sql(acct, "delete from messages where conversation_id = ?", c3);
        sql(acct, "delete from conversations where id = ?", c3);
        assertCounted(acct, Map.of(ann, 0, bob, 1));

        var agents = app.get("/api/agents?pageSize=100", owner.token()).json().get("agents");
        var shown = new java.util.HashMap<Long, Integer>();
        agents.forEach(
                a -> shown.put(a.get("id").asLong(), a.get("openConversations").asInt()));
        assertThat(shown).containsEntry(ann, 0).containsEntry(bob, 1);
    }

    @Test
    void opposite_transfers_at_once_neither_deadlock_nor_miscount() throws Exception {
        long acct = Fixtures.tenant(app, "Swapco").accountId();
        var box = inbox(app, acct, "manual");
        long ann = agent(app, acct, "Ann");
        long bob = agent(app, acct, "Bob");
        var anns = new ArrayList<Long>();
        var bobs = new ArrayList<Long>();
        for (int i = 0; i < 40; i++) {
            anns.add(conversation(acct, box, ann, "open"));
            bobs.add(conversation(acct, box, bob, "open"));
        }
        var tasks = new ArrayList<Callable<Integer>>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 40; i++) {
                long fromAnn = anns.get(i);
                long fromBob = bobs.get(i);
                boolean even = round % 2 == 0;
                // Each transaction moves one conversation each way: two agents locked per statement, in both orders.
                tasks.add(() -> app.app()
                        .database()
                        .inAccount(
                                acct,
                                tx -> tx.execute(
                                        "update conversations set assignee_id = case assignee_id when ? then ? else ? end"
                                                + " where account_id = ? and id = any(?::bigint[])",
                                        ann,
                                        bob,
                                        ann,
                                        acct,
                                        even ? new Long[] {fromAnn, fromBob} : new Long[] {fromBob, fromAnn})));
            }
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(2);
            }
        }

        assertCounted(acct, Map.of(ann, 40, bob, 40));
    }

    private static long conversation(long acct, RoutingFixtures.Inbox box, Long assignee, String status) {
        return RoutingFixtures.value(
                app,
                acct,
                "insert into conversations (account_id, inbox_id, contact_id, assignee_id, status)"
                        + " values (?, ?, ?, ?, ?) returning id",
                acct,
                box.id(),
                contact(app, acct),
                assignee,
                status);
    }

    private static void patch(Fixtures.Tenant owner, long conversationId, Map<String, Object> body) {
        var response = app.patch("/api/conversations/" + conversationId, body, owner.token());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private static void sql(long acct, String statement, Object... binds) {
        app.app().database().runInAccount(acct, tx -> tx.execute(statement, binds));
    }

    /** The counters hold the expected values and agree with a count of the conversations themselves. */
    private static void assertCounted(long acct, Map<Long, Integer> expected) {
        var rows = app.app()
                .database()
                .inAccount(
                        acct,
                        tx -> tx.fetch(
                                "select au.user_id, au.open_conversations, (select count(*) from conversations c"
                                        + " where c.account_id = au.account_id and c.assignee_id = au.user_id"
                                        + " and c.status <> 'resolved')::int from account_users au where au.account_id = ?",
                                acct));
        Map<Long, Integer> counters =
                rows.stream().collect(Collectors.toMap(r -> r.get(0, Long.class), r -> r.get(1, Integer.class)));
        Map<Long, Integer> counted =
                rows.stream().collect(Collectors.toMap(r -> r.get(0, Long.class), r -> r.get(2, Integer.class)));
        assertThat(counters).isEqualTo(counted);
        assertThat(counters).containsAllEntriesOf(expected);
        assertThat(List.copyOf(counters.values())).allSatisfy(n -> assertThat(n).isNotNegative());
    }
}
