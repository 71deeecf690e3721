package com.hummdesk.routing;

import static com.hummdesk.routing.RoutingFixtures.agent;
import static com.hummdesk.routing.RoutingFixtures.assignee;
import static com.hummdesk.routing.RoutingFixtures.conversation;
import static com.hummdesk.routing.RoutingFixtures.history;
import static com.hummdesk.routing.RoutingFixtures.inbox;
import static com.hummdesk.routing.RoutingFixtures.load;
import static com.hummdesk.routing.RoutingFixtures.profile;
import static com.hummdesk.routing.RoutingFixtures.queued;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.conversations.ConversationAssigned;
import com.hummdesk.conversations.MessageCreated;
import com.hummdesk.conversations.SenderType;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each routing rule through {@link Router#route} on the real app and database: who is eligible, the order the
 * strategies rank in, and what an assignment writes and publishes. Each test has an account of its own.
 */
class RoutingRulesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static long account(String name) {
        return Fixtures.tenant(app, name).accountId();
    }

    private static RoutingOutcome route(long accountId, long conversationId) {
        return app.app().router().route(accountId, conversationId);
    }

    @Test
    void assigns_to_an_online_agent_with_an_activity_entry_and_events_without_an_actor() {
        var tenant = Fixtures.tenant(app, "Assignco");
        long acct = tenant.accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino Virtanen");
        long conversation = conversation(app, acct, inbox);
        var assigned = RoutingFixtures.record(app, ConversationAssigned.class);
        var messages = RoutingFixtures.record(app, MessageCreated.class);

        assertThat(route(acct, conversation)).isEqualTo(RoutingOutcome.assigned(aino));

        assertThat(assignee(app, acct, conversation)).isEqualTo(aino);
        assertThat(assigned).contains(new ConversationAssigned(acct, conversation, aino, null, null));
        var activity = messages.stream()
                .filter(m -> m.conversationId() == conversation)
                .toList();
        assertThat(activity).singleElement().satisfies(m -> {
            assertThat(m.content()).isEqualTo("Assigned to Aino Virtanen by routing (load_balanced)");
            assertThat(m.senderType()).isEqualTo(SenderType.SYSTEM);
            assertThat(m.senderId()).isNull();
        });
        var timeline = app.get("/api/conversations/" + conversation + "/messages", tenant.token())
                .json()
                .get("messages");
        assertThat(timeline.get(0).get("content").asText())
                .isEqualTo("Assigned to Aino Virtanen by routing (load_balanced)");
        assertThat(timeline.get(0).get("senderType").asText()).isEqualTo("system");
        assertThat(RoutingFixtures.value(
                        app,
                        acct,
                        "select count(*) from account_users where account_id = ? and user_id = ?"
                                + " and last_assigned_at is not null",
                        acct,
                        aino))
                .isEqualTo(1);
    }

    @Test
    void an_assigned_or_resolved_conversation_is_left_alone() {
        long acct = account("Leftalone");
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino");
        long conversation = conversation(app, acct, inbox);
        assertThat(route(acct, conversation).result()).isEqualTo(RoutingOutcome.Result.ASSIGNED);
        assertThat(route(acct, conversation).result()).isEqualTo(RoutingOutcome.Result.NOT_ROUTABLE);

        long resolved = conversation(app, acct, inbox);
        RoutingFixtures.execute(app, acct, "update conversations set status = 'resolved' where id = ?", resolved);
        assertThat(route(acct, resolved).result()).isEqualTo(RoutingOutcome.Result.NOT_ROUTABLE);
        assertThat(assignee(app, acct, resolved)).isNull();
        assertThat(aino).isPositive();
    }

    @Test
    void a_conversation_assigned_by_hand_while_routing_decides_gets_no_routing_record() {
        long acct = account("Handfirst");
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino");
        long conversation = conversation(app, acct, inbox);
        // Presence is asked between the decision's read and its commit (which carries the assignment): the manual
        // assignment, to the very agent routing chooses, commits there. Under the AGENT lock scope the decision locks
        // the conversation, so this race
        // cannot happen; the default ACCOUNT scope is the one that must handle it.
        RoutingPresence handFirst = new RoutingPresence() {
            @Override
            public boolean isOnline(long accountId, long userId) {
                return true;
            }

            @Override
            public Set<Long> onlineAmong(long accountId, Collection<Long> userIds) {
                RoutingFixtures.execute(
                        app, acct, "update conversations set assignee_id = ? where id = ?", aino, conversation);
                return Set.copyOf(userIds);
            }
        };

        try (var node = RoutingFixtures.node(app, RoutingSettings.defaults(), handFirst)) {
            assertThat(node.router().route(acct, conversation).result()).isEqualTo(RoutingOutcome.Result.NOT_ROUTABLE);
        }

        assertThat(assignee(app, acct, conversation)).isEqualTo(aino);
        assertThat(RoutingFixtures.value(
                        app, acct, "select count(*) from routing_decisions where account_id = ?", acct))
                .isZero();
        assertThat(RoutingFixtures.value(
                        app,
                        acct,
                        "select count(*) from account_users where account_id = ? and last_assigned_at is not null",
                        acct))
                .isZero();
        assertThat(RoutingFixtures.value(
                        app,
                        acct,
                        "select count(*) from messages where account_id = ? and conversation_id = ?"
                                + " and message_type = 'activity'",
                        acct,
                        conversation))
                .isZero();
    }

    @Test
    void busy_and_offline_agents_are_skipped() {
        long acct = account("Offlineco");
        var inbox = inbox(app, acct, "load_balanced");
        long offline = agent(app, acct, "Olli Offline");
        long busy = agent(app, acct, "Bea Busy");
        long online = agent(app, acct, "Onni Online");
        profile(app, acct, offline, "offline", 10, List.of(), List.of());
        profile(app, acct, busy, "busy", 10, List.of(), List.of());
        load(app, acct, inbox, online, 9, "open");

        assertThat(route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(online));

        profile(app, acct, online, "offline", 10, List.of(), List.of());
        long waiting = conversation(app, acct, inbox);
        assertThat(route(acct, waiting).result()).isEqualTo(RoutingOutcome.Result.QUEUED);
        assertThat(queued(app, acct, waiting)).isTrue();
    }

    @Test
    void agents_at_capacity_are_skipped_and_only_unresolved_conversations_count() {
        long acct = account("Fullco");
        var inbox = inbox(app, acct, "load_balanced");
        long full = agent(app, acct, "Fiona Full");
        long room = agent(app, acct, "Rami Room");
        load(app, acct, inbox, full, 2, "open");
        load(app, acct, inbox, full, 1, "pending");
        load(app, acct, inbox, full, 1, "snoozed");
        load(app, acct, inbox, full, 30, "resolved");
        profile(app, acct, full, "online", 4, List.of(), List.of());
        profile(app, acct, room, "online", 10, List.of(), List.of());
        load(app, acct, inbox, room, 9, "open");

        assertThat(route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(room));
        assertThat(route(acct, conversation(app, acct, inbox)).result()).isEqualTo(RoutingOutcome.Result.QUEUED);

        RoutingFixtures.execute(
                app,
                acct,
                "update conversations set status = 'resolved' where account_id = ? and assignee_id = ?"
                        + " and status = 'snoozed'",
                acct,
                full);
        assertThat(route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(full));
    }

    @Test
    void the_category_needs_the_skill_or_the_conversations_team() {
        long acct = account("Skillco");
        var inbox = inbox(app, acct, "load_balanced");
        long idle = agent(app, acct, "Ida Idle");
        long biller = agent(app, acct, "Bill Skilled");
        long member = agent(app, acct, "Tea Member");
        load(app, acct, inbox, biller, 5, "open");
        load(app, acct, inbox, member, 8, "open");
        long billingTeam = RoutingFixtures.team(app, acct, "Billing team", member);
        profile(app, acct, biller, "online", 10, List.of("billing", "refunds"), List.of());

        assertThat(route(acct, conversation(app, acct, inbox, "billing", null, null)))
                .as("only the skilled agent, though the idle one has more room")
                .isEqualTo(RoutingOutcome.assigned(biller));
        assertThat(route(acct, conversation(app, acct, inbox, "Billing", null, null)))
                .isEqualTo(RoutingOutcome.assigned(biller));
        assertThat(route(acct, conversation(app, acct, inbox, "shipping", billingTeam, null)))
                .as("no skill shipping anywhere: the team member")
                .isEqualTo(RoutingOutcome.assigned(member));
        assertThat(route(acct, conversation(app, acct, inbox, null, null, null)))
                .as("no category and no team: anyone")
                .isEqualTo(RoutingOutcome.assigned(idle));
        assertThat(route(acct, conversation(app, acct, inbox, "legal", null, null))
                        .result())
                .as("nobody has the skill legal")
                .isEqualTo(RoutingOutcome.Result.QUEUED);
    }

    @Test
    void a_category_restricts_only_once_the_account_uses_skills() {
        long acct = account("Noskills");
        var inbox = inbox(app, acct, "load_balanced");
        long anyone = agent(app, acct, "Ann Anyone");

        assertThat(route(acct, conversation(app, acct, inbox, "billing", null, null)))
                .as("no agent has any skill: the AI's category does not queue the conversation")
                .isEqualTo(RoutingOutcome.assigned(anyone));

        profile(app, acct, anyone, "online", 10, List.of("technical"), List.of());
        assertThat(route(acct, conversation(app, acct, inbox, "billing", null, null))
                        .result())
                .as("skills in use and nobody has billing")
                .isEqualTo(RoutingOutcome.Result.QUEUED);
    }

    @Test
    void speaking_the_language_is_preferred_but_not_required() {
        long acct = account("Kieli");
        var inbox = inbox(app, acct, "load_balanced");
        long finn = agent(app, acct, "Fanni Finnish");
        long english = agent(app, acct, "Eric English");
        profile(app, acct, finn, "online", 10, List.of(), List.of("fi", "en"));
        profile(app, acct, english, "online", 10, List.of(), List.of("en"));
        load(app, acct, inbox, finn, 6, "open");

        assertThat(route(acct, conversation(app, acct, inbox, null, null, "fi")))
                .as("the Finnish speaker, though busier")
                .isEqualTo(RoutingOutcome.assigned(finn));
        assertThat(route(acct, conversation(app, acct, inbox, null, null, "de")))
                .as("nobody speaks German: still assigned, by spare capacity")
                .isEqualTo(RoutingOutcome.assigned(english));
    }

    @Test
    void load_balanced_prefers_spare_capacity_as_a_ratio() {
        long acct = account("Spareco");
        var inbox = inbox(app, acct, "load_balanced");
        long big = agent(app, acct, "Big Team Player");
        long small = agent(app, acct, "Small Capacity");
        profile(app, acct, big, "online", 50, List.of(), List.of());
        profile(app, acct, small, "online", 4, List.of(), List.of());
        load(app, acct, inbox, big, 20, "open");
        load(app, acct, inbox, small, 1, "open");

        assertThat(route(acct, conversation(app, acct, inbox)))
                .as("3 of 4 free (75%) beats 30 of 50 (60%)")
                .isEqualTo(RoutingOutcome.assigned(small));
        assertThat(route(acct, conversation(app, acct, inbox)))
                .as("2 of 4 (50%) no longer does")
                .isEqualTo(RoutingOutcome.assigned(big));
    }

    @Test
    void at_equal_spare_capacity_recent_performance_decides() {
        long acct = account("Perfco");
        var inbox = inbox(app, acct, "load_balanced");
        long slow = agent(app, acct, "Sami Slow");
        long fast = agent(app, acct, "Fia Fast");
        history(app, acct, inbox, slow, 10, Duration.ofHours(2), 10);
        history(app, acct, inbox, fast, 10, Duration.ofMinutes(2), 10);
        profile(app, acct, slow, "online", 10, List.of(), List.of());
        profile(app, acct, fast, "online", 10, List.of(), List.of());

        assertThat(route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(fast));
        assertThat(route(acct, conversation(app, acct, inbox)))
                .as("now the slow one has more room")
                .isEqualTo(RoutingOutcome.assigned(slow));
    }

    @Test
    void at_equal_capacity_and_performance_the_least_recently_assigned_goes_first() {
        long acct = account("Fairco");
        var inbox = inbox(app, acct, "load_balanced");
        long first = agent(app, acct, "First");
        long second = agent(app, acct, "Second");
        long third = agent(app, acct, "Third");
        RoutingFixtures.execute(
                app,
                acct,
                "update account_users set last_assigned_at = now() - make_interval(mins => (? - user_id)::int)"
                        + " where account_id = ? and user_id in (?, ?, ?)",
                third + 1,
                acct,
                first,
                second,
                third);

        assertThat(route(acct, conversation(app, acct, inbox)))
                .as("assigned longest ago")
                .isEqualTo(RoutingOutcome.assigned(first));
        RoutingFixtures.execute(
                app,
                acct,
                "update conversations set status = 'resolved' where account_id = ? and assignee_id = ?",
                acct,
                first);
        assertThat(route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(second));
    }

    @Test
    void round_robin_takes_turns_whatever_the_load() {
        long acct = account("Roundco");
        var inbox = inbox(app, acct, "round_robin");
        long a = agent(app, acct, "Anna");
        long b = agent(app, acct, "Bert");
        long c = agent(app, acct, "Cleo");
        load(app, acct, inbox, a, 8, "open");
        var order = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            order.add(route(acct, conversation(app, acct, inbox)).assigneeId());
        }
        assertThat(order).containsExactly(a, b, c, a, b, c);
        assertThat(route(acct, conversation(app, acct, inbox)))
                .as("Anna is full now (10 of 10)")
                .isEqualTo(RoutingOutcome.assigned(b));
    }

    @Test
    void manual_inboxes_are_never_routed() {
        long acct = account("Manualco");
        var inbox = inbox(app, acct, "manual");
        agent(app, acct, "Mia");
        long conversation = conversation(app, acct, inbox);

        assertThat(route(acct, conversation).result()).isEqualTo(RoutingOutcome.Result.MANUAL);
        assertThat(assignee(app, acct, conversation)).isNull();
        assertThat(queued(app, acct, conversation)).isFalse();
        assertThat(RoutingFixtures.value(
                        app, acct, "select count(*) from routing_decisions where account_id = ?", acct))
                .isZero();
    }

    @Test
    void routing_never_picks_another_accounts_agent() {
        long mine = account("Mine");
        long theirs = account("Theirs");
        var inbox = inbox(app, mine, "load_balanced");
        agent(app, theirs, "Their Agent");
        long conversation = conversation(app, mine, inbox);

        assertThat(route(mine, conversation).result()).isEqualTo(RoutingOutcome.Result.QUEUED);
        assertThat(route(theirs, conversation).result())
                .as("their account cannot route my conversation")
                .isEqualTo(RoutingOutcome.Result.NOT_ROUTABLE);
        assertThat(assignee(app, mine, conversation)).isNull();
    }
}
