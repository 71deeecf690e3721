package com.hummdesk.routing;

import static com.hummdesk.routing.RoutingFixtures.agent;
import static com.hummdesk.routing.RoutingFixtures.conversation;
import static com.hummdesk.routing.RoutingFixtures.inbox;
import static com.hummdesk.routing.RoutingFixtures.load;
import static com.hummdesk.routing.RoutingFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/conversations/{id}/routing: the candidates, their scores, the winner and the rule, per account. */
class RoutingExplanationIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private Fixtures.Tenant tenant;
    private RoutingFixtures.Inbox inbox;
    private long aino;
    private long ben;
    private long team;

    /** An account per test: every routing decision changes the loads the next one sees. */
    @BeforeEach
    void account() {
        tenant = Fixtures.tenant(app, "Explainco");
        long acct = tenant.accountId();
        inbox = inbox(app, acct, "load_balanced");
        aino = agent(app, acct, "Aino Virtanen");
        ben = agent(app, acct, "Ben Carter");
        long olli = agent(app, acct, "Olli Offline");
        long fullFiona = agent(app, acct, "Fiona Full");
        profile(app, acct, aino, "online", 10, List.of("billing"), List.of("fi", "en"));
        profile(app, acct, ben, "online", 20, List.of("billing"), List.of("en"));
        profile(app, acct, olli, "offline", 10, List.of("billing"), List.of("en"));
        profile(app, acct, fullFiona, "online", 2, List.of("billing"), List.of("en"));
        load(app, acct, inbox, aino, 5, "open");
        load(app, acct, inbox, ben, 4, "open");
        load(app, acct, inbox, fullFiona, 2, "open");
        team = RoutingFixtures.team(app, acct, "Support", aino);
    }

    private static JsonNode explain(long conversation, String token) {
        var response = app.get("/api/conversations/" + conversation + "/routing", token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void an_assignment_shows_every_eligible_candidate_with_scores_the_winner_and_the_rule() {
        long conversation = conversation(app, tenant.accountId(), inbox, "billing", team, "en");
        app.app().router().route(tenant.accountId(), conversation);

        var explanation = explain(conversation, tenant.token());

        assertThat(explanation.get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(explanation.get("strategy").asText()).isEqualTo("load_balanced");
        assertThat(explanation.get("assigneeId").asLong()).isEqualTo(ben);
        assertThat(explanation.get("queuedSince").isNull()).isTrue();
        var decision = explanation.get("decisions").get(0);
        assertThat(decision.get("trigger").asText()).isEqualTo("requested");
        assertThat(decision.get("strategy").asText()).isEqualTo("load_balanced");
        assertThat(decision.get("outcome").asText()).isEqualTo("assigned");
        assertThat(decision.get("rule").asText()).isEqualTo("spare_capacity");
        assertThat(decision.get("assignee").toString()).isEqualTo("{\"id\":" + ben + ",\"name\":\"Ben Carter\"}");
        assertThat(decision.get("routedOn").toString())
                .isEqualTo("{\"category\":\"billing\",\"teamId\":" + team + ",\"language\":\"en\"}");
        assertThat(decision.get("summary").asText())
                .isEqualTo("Assigned to Ben Carter (load_balanced): most spare capacity, 16 of 20 free (80%) against"
                        + " 5 of 10 free (50%) for Aino Virtanen. 2 eligible; left out: 2 busy or offline,"
                        + " 1 at capacity.");
        var candidates = decision.get("candidates");
        assertThat(candidates).hasSize(2);
        var first = candidates.get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("userId").asLong()).isEqualTo(ben);
        assertThat(first.get("openConversations").asInt()).isEqualTo(4);
        assertThat(first.get("maxConcurrent").asInt()).isEqualTo(20);
        assertThat(first.get("spareCapacity").asDouble()).isEqualTo(0.8);
        assertThat(first.get("skillMatch").asBoolean()).isTrue();
        assertThat(first.get("teamMatch").asBoolean()).isFalse();
        assertThat(first.get("languageMatch").asBoolean()).isTrue();
        assertThat(first.has("performance") && first.has("medianFirstResponseSeconds") && first.has("lastAssignedAt"))
                .isTrue();
        var second = candidates.get(1);
        assertThat(second.get("userId").asLong()).isEqualTo(aino);
        assertThat(second.get("spareCapacity").asDouble()).isEqualTo(0.5);
        assertThat(second.get("teamMatch").asBoolean()).isTrue();
        assertThat(decision.get("excluded").toString()).isEqualTo("{\"unavailable\":2,\"atCapacity\":1}");
    }

    @Test
    void a_queued_conversation_says_why_nobody_took_it_and_since_when_it_waits() {
        long conversation = conversation(app, tenant.accountId(), inbox, "legal", null, "sv");
        app.app().router().route(tenant.accountId(), conversation);

        var explanation = explain(conversation, tenant.token());

        assertThat(explanation.get("assigneeId").isNull()).isTrue();
        assertThat(explanation.get("queuedSince").isNull()).isFalse();
        var decision = explanation.get("decisions").get(0);
        assertThat(decision.get("outcome").asText()).isEqualTo("queued");
        assertThat(decision.get("rule").asText()).isEqualTo("no_candidate");
        assertThat(decision.get("assignee").isNull()).isTrue();
        assertThat(decision.get("candidates")).isEmpty();
        assertThat(decision.get("excluded").toString()).isEqualTo("{\"unavailable\":2,\"noSkillOrTeam\":3}");
        assertThat(decision.get("summary").asText())
                .isEqualTo("No eligible agent (load_balanced); waiting in the queue. Left out: 2 busy or offline,"
                        + " 3 without the skill legal.");
    }

    @Test
    void decisions_come_newest_first() {
        long conversation = conversation(app, tenant.accountId(), inbox, "legal", null, null);
        app.app().router().route(tenant.accountId(), conversation);
        RoutingFixtures.execute(
                app, tenant.accountId(), "update conversations set ai_category = null where id = ?", conversation);
        app.app().router().route(tenant.accountId(), conversation);

        var outcomes = new ArrayList<String>();
        explain(conversation, tenant.token())
                .get("decisions")
                .forEach(d -> outcomes.add(d.get("outcome").asText()));
        assertThat(outcomes).containsExactly("assigned", "queued");
    }

    @Test
    void any_member_may_read_it_and_another_account_gets_a_404() {
        long conversation = conversation(app, tenant.accountId(), inbox);
        app.app().router().route(tenant.accountId(), conversation);
        var agentToken =
                RoutingFixtures.member(app, tenant.accountId(), "Reader").token();
        assertThat(explain(conversation, agentToken).get("decisions")).hasSize(1);

        var other = Fixtures.tenant(app, "Otherco");
        var response = app.get("/api/conversations/" + conversation + "/routing", other.token());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("not_found");
        assertThat(app.get("/api/conversations/999999999/routing", tenant.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/conversations/" + conversation + "/routing", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_preview_names_whom_routing_would_choose_and_changes_nothing() {
        long acct = tenant.accountId();
        long conversation = conversation(app, acct, inbox, "billing", team, "en");

        var response = app.get("/api/conversations/" + conversation + "/routing/preview", tenant.token());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var preview = response.json();
        assertThat(preview.get("suggestedAgentId").asLong()).isEqualTo(ben);
        assertThat(preview.get("rule").asText()).isEqualTo("spare_capacity");
        assertThat(preview.get("summary").asText()).startsWith("Would go to Ben Carter (load_balanced): most spare");
        assertThat(preview.get("candidates")).hasSize(2);
        assertThat(preview.get("excluded").toString()).isEqualTo("{\"unavailable\":2,\"atCapacity\":1}");
        // Nothing happened: not assigned, no decision recorded, not queued.
        assertThat(RoutingFixtures.assignee(app, acct, conversation)).isNull();
        assertThat(explain(conversation, tenant.token()).get("decisions")).isEmpty();
        assertThat(RoutingFixtures.queued(app, acct, conversation)).isFalse();

        // The real decision agrees with the preview.
        app.app().router().route(acct, conversation);
        assertThat(RoutingFixtures.assignee(app, acct, conversation)).isEqualTo(ben);
    }

    @Test
    void a_manual_inbox_gets_a_suggestion_and_another_account_a_404() {
        long acct = tenant.accountId();
        var manual = inbox(app, acct, "manual");
        long conversation = conversation(app, acct, manual, "billing", team, "en");

        var preview = app.get("/api/conversations/" + conversation + "/routing/preview", tenant.token())
                .json();
        assertThat(preview.get("strategy").asText()).isEqualTo("manual");
        assertThat(preview.get("suggestedAgentId").asLong()).isEqualTo(ben);

        var other = Fixtures.tenant(app, "Previewco");
        assertThat(app.get("/api/conversations/" + conversation + "/routing/preview", other.token())
                        .status())
                .isEqualTo(404);
    }
}
