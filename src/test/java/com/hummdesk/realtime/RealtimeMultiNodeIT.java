package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.agentToken;
import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.App;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two HummDesk nodes (two Apps in this JVM, on their own ports) sharing the machine's Redis: whatever happens on
 * node A reaches sockets on node B. A key prefix of its own keeps this run apart from anything else on that Redis.
 */
class RealtimeMultiNodeIT {
    @RegisterExtension
    static final TestApp nodeA = new TestApp()
            .with("REDIS_URL", "redis://127.0.0.1:6379")
            .with("REDIS_PREFIX", "hd-test-" + UUID.randomUUID())
            .with("PRESENCE_TTL_SECONDS", "2");

    private static App nodeB;
    private static NodeClients clients;
    private static Fixtures.Tenant tenant;
    private static RealtimeFixtures.Conversation conversation;

    @BeforeAll
    static void startSecondNode() {
        nodeB = nodeA.startNode(Map.of());
        assertThat(nodeB.port()).isNotEqualTo(nodeA.app().port());
        tenant = Fixtures.tenant(nodeA, "Two Nodes");
        conversation = RealtimeFixtures.conversation(nodeA, tenant.accountId());
        clients = NodeClients.started();
        var onA = nodeA.baseUrl();
        var onB = "http://localhost:" + nodeB.port();
        clients.connect("agent-on-a", onA, auth(tenant.token(), tenant.accountId()));
        clients.connect("agent-on-b", onB, auth(agentToken(tenant.accountId(), 6_001), tenant.accountId()));
        clients.connect("customer-on-b", onB, auth(RealtimeFixtures.contactToken(conversation)));
        clients.connect("other-account-on-b", onB, auth(agentToken(tenant.accountId() + 100, 6_002)));
        for (var id : List.of("agent-on-a", "agent-on-b", "customer-on-b", "other-account-on-b")) {
            clients.await(id, "connect");
        }
    }

    @AfterAll
    static void stopClients() {
        clients.close();
    }

    @Test
    void an_event_emitted_on_node_a_reaches_sockets_on_node_b() throws Exception {
        nodeA.app().realtime().emitToAccount(tenant.accountId(), "message:new", Map.of("marker", "from-a"));
        awaitMarked("agent-on-b", "message:new", "from-a");
        awaitMarked("agent-on-a", "message:new", "from-a");
        Thread.sleep(300);
        assertThat(clients.all()).noneMatch(line -> isMarked(line, "other-account-on-b", "message:new", "from-a"));
        assertThat(clients.all()).noneMatch(line -> isMarked(line, "customer-on-b", "message:new", "from-a"));
        // Each node delivers its own copy once: nothing arrives twice.
        assertThat(clients.all().stream().filter(line -> isMarked(line, "agent-on-a", "message:new", "from-a")))
                .hasSize(1);
    }

    @Test
    void an_event_emitted_on_node_b_reaches_node_a_and_the_customer_too() {
        nodeB.realtime()
                .emitToConversationCustomer(
                        tenant.accountId(),
                        conversation.id(),
                        conversation.contactId(),
                        "message:sent",
                        Map.of("marker", "reply-from-b"));
        nodeB.realtime()
                .emitToUser(tenant.accountId(), tenant.ownerId(), "conversation:assigned", Map.of("marker", "you"));
        awaitMarked("customer-on-b", "message:sent", "reply-from-b");
        awaitMarked("agent-on-a", "conversation:assigned", "you");
    }

    @Test
    void typing_on_node_a_reaches_the_agent_and_the_customer_on_node_b() {
        clients.emit("agent-on-a", "agent:typing", Map.of("conversationId", conversation.id(), "typing", true));
        var toAgent = clients.await(
                line -> isEvent(line, "agent-on-b", "agent:typing")
                        && line.path("args").get(0).path("userId").asLong() == tenant.ownerId(),
                Duration.ofSeconds(10));
        assertThat(toAgent.path("args").get(0).path("conversationId").asLong()).isEqualTo(conversation.id());
        clients.await(line -> isEvent(line, "customer-on-b", "agent:typing"), Duration.ofSeconds(10));
    }

    @Test
    void presence_is_shared_by_both_nodes() throws Exception {
        long newcomer = 6_100;
        clients.connect("newcomer-on-a", nodeA.baseUrl(), auth(agentToken(tenant.accountId(), newcomer)));
        clients.await(
                line -> isEvent(line, "agent-on-b", "agent:presence")
                        && line.path("args").get(0).path("userId").asLong() == newcomer
                        && "online"
                                .equals(line.path("args").get(0).path("status").asText()),
                Duration.ofSeconds(10));
        assertThat(nodeB.presence().status(tenant.accountId(), newcomer)).isEqualTo(PresenceStatus.ONLINE);
        assertThat(nodeB.presence().online(tenant.accountId())).anyMatch(p -> p.userId() == newcomer);
        // Without heartbeats it expires; the offline change is announced once, though both nodes sweep.
        clients.await(
                line -> isEvent(line, "agent-on-b", "agent:presence")
                        && line.path("args").get(0).path("userId").asLong() == newcomer
                        && "offline"
                                .equals(line.path("args").get(0).path("status").asText()),
                Duration.ofSeconds(10));
        assertThat(nodeB.presence().status(tenant.accountId(), newcomer)).isEqualTo(PresenceStatus.OFFLINE);
        Thread.sleep(1_000);
        assertThat(clients.all().stream()
                        .filter(line -> isEvent(line, "agent-on-b", "agent:presence")
                                && line.path("args").get(0).path("userId").asLong() == newcomer
                                && "offline"
                                        .equals(line.path("args")
                                                .get(0)
                                                .path("status")
                                                .asText())))
                .hasSize(1);
    }

    private static void awaitMarked(String id, String event, String marker) {
        clients.await(line -> isMarked(line, id, event, marker), Duration.ofSeconds(10));
    }

    private static boolean isEvent(JsonNode line, String id, String event) {
        return id.equals(line.path("id").asText())
                && event.equals(line.path("event").asText());
    }

    private static boolean isMarked(JsonNode line, String id, String event, String marker) {
        return isEvent(line, id, event)
                && marker.equals(line.path("args").get(0).path("marker").asText());
    }
}
