package com.hummdesk.routing;

import static com.hummdesk.routing.RoutingFixtures.agent;
import static com.hummdesk.routing.RoutingFixtures.assignee;
import static com.hummdesk.routing.RoutingFixtures.await;
import static com.hummdesk.routing.RoutingFixtures.conversation;
import static com.hummdesk.routing.RoutingFixtures.inbox;
import static com.hummdesk.routing.RoutingFixtures.profile;
import static com.hummdesk.routing.RoutingFixtures.queued;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.conversations.ConversationAssigned;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What starts routing on its own: a customer's new conversation, and the queue draining, oldest first, when an agent
 * comes online or frees capacity (resolving, or a conversation reassigned away by hand). Routing runs on its own
 * threads after the triggering request, so these tests wait for it.
 */
class RoutingTriggersIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static RoutingOutcome route(long accountId, long conversationId) {
        return app.app().router().route(accountId, conversationId);
    }

    @Test
    void a_new_conversation_is_routed_when_the_customer_starts_it() {
        long acct = Fixtures.tenant(app, "Newco").accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino");

        long conversation = RoutingFixtures.startConversation(app, inbox, "My invoice is wrong");

        await("the new conversation is assigned", () -> Objects.equals(assignee(app, acct, conversation), aino));
    }

    @Test
    void a_new_conversation_in_a_manual_inbox_waits_for_an_agent_to_pick_it() {
        long acct = Fixtures.tenant(app, "Pickco").accountId();
        var manual = inbox(app, acct, "manual");
        var automatic = inbox(app, acct, "round_robin");
        agent(app, acct, "Aino");

        long picked = RoutingFixtures.startConversation(app, manual, "Hello");
        long routed = RoutingFixtures.startConversation(app, automatic, "Hello");

        await("the round-robin conversation is assigned", () -> assignee(app, acct, routed) != null);
        assertThat(assignee(app, acct, picked)).isNull();
        assertThat(queued(app, acct, picked)).isFalse();
    }

    @Test
    void an_agent_coming_online_takes_the_oldest_waiting_conversations_up_to_capacity() {
        var tenant = Fixtures.tenant(app, "Waitco");
        long acct = tenant.accountId();
        var inbox = inbox(app, acct, "load_balanced");
        var aino = RoutingFixtures.member(app, acct, "Aino");
        profile(app, acct, aino.userId(), "offline", 2, List.of(), List.of());
        long oldest = conversation(app, acct, inbox);
        long middle = conversation(app, acct, inbox);
        long newest = conversation(app, acct, inbox);
        for (long c : List.of(oldest, middle, newest)) {
            assertThat(route(acct, c).result()).isEqualTo(RoutingOutcome.Result.QUEUED);
        }

        var online = app.patch("/api/agents/me/availability", Map.of("availability", "online"), aino.token());
        assertThat(online.status()).as(online.text()).isEqualTo(200);

        await("the two oldest are assigned", () -> Objects.equals(assignee(app, acct, middle), aino.userId()));
        assertThat(assignee(app, acct, oldest)).isEqualTo(aino.userId());
        assertThat(assignee(app, acct, newest)).isNull();
        assertThat(queued(app, acct, newest)).isTrue();
        assertThat(queued(app, acct, oldest)).isFalse();
        var decision = app.get("/api/conversations/" + oldest + "/routing", tenant.token())
                .json()
                .get("decisions")
                .get(0);
        assertThat(decision.get("trigger").asText()).isEqualTo("agent_online");
    }

    @Test
    void resolving_a_conversation_frees_capacity_for_the_oldest_waiting_one() {
        var tenant = Fixtures.tenant(app, "Resolveco");
        long acct = tenant.accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino");
        profile(app, acct, aino, "online", 1, List.of(), List.of());
        long current = conversation(app, acct, inbox);
        assertThat(route(acct, current)).isEqualTo(RoutingOutcome.assigned(aino));
        long older = conversation(app, acct, inbox);
        long newer = conversation(app, acct, inbox);
        assertThat(route(acct, older).result()).isEqualTo(RoutingOutcome.Result.QUEUED);
        assertThat(route(acct, newer).result()).isEqualTo(RoutingOutcome.Result.QUEUED);

        var resolved = app.patch("/api/conversations/" + current, Map.of("status", "resolved"), tenant.token());
        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);

        await("the older waiting conversation is assigned", () -> Objects.equals(assignee(app, acct, older), aino));
        assertThat(assignee(app, acct, newer)).isNull();
        var decision = app.get("/api/conversations/" + older + "/routing", tenant.token())
                .json()
                .get("decisions")
                .get(0);
        assertThat(decision.get("trigger").asText()).isEqualTo("capacity_freed");
    }

    @Test
    void a_conversation_reassigned_away_by_hand_frees_capacity_and_still_publishes_the_assignment() {
        var tenant = Fixtures.tenant(app, "Transferco");
        long acct = tenant.accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino");
        long ben = agent(app, acct, "Ben");
        profile(app, acct, aino, "online", 1, List.of(), List.of());
        profile(app, acct, ben, "offline", 1, List.of(), List.of());
        long current = conversation(app, acct, inbox);
        assertThat(route(acct, current)).isEqualTo(RoutingOutcome.assigned(aino));
        long waiting = conversation(app, acct, inbox);
        assertThat(route(acct, waiting).result()).isEqualTo(RoutingOutcome.Result.QUEUED);
        var assigned = RoutingFixtures.record(app, ConversationAssigned.class);

        var transfer = app.patch("/api/conversations/" + current, Map.of("assigneeId", ben), tenant.token());
        assertThat(transfer.status()).as(transfer.text()).isEqualTo(200);

        assertThat(assigned).contains(new ConversationAssigned(acct, current, ben, aino, tenant.ownerId()));
        await("the waiting conversation goes to Aino", () -> Objects.equals(assignee(app, acct, waiting), aino));
        assertThat(assignee(app, acct, current)).isEqualTo(ben);
    }

    @Test
    void assigning_a_waiting_conversation_by_hand_takes_it_out_of_the_queue() {
        var tenant = Fixtures.tenant(app, "Handco");
        long acct = tenant.accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long ben = agent(app, acct, "Ben");
        profile(app, acct, ben, "offline", 5, List.of(), List.of());
        long waiting = conversation(app, acct, inbox);
        assertThat(route(acct, waiting).result()).isEqualTo(RoutingOutcome.Result.QUEUED);

        var assign = app.patch("/api/conversations/" + waiting, Map.of("assigneeId", ben), tenant.token());
        assertThat(assign.status()).as(assign.text()).isEqualTo(200);

        await("the conversation leaves the queue", () -> !queued(app, acct, waiting));
    }
}
