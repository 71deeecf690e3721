package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.agentToken;
import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.http.Json;
import com.hummdesk.realtime.RealtimeFixtures.Conversation;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who hears what: agents hear their own account only, customers their own conversations only, typing is relayed
 * to the others and the customer but not back, payloads keep their nulls, and acks stay correct under load.
 */
class RealtimeRoomsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static NodeClients clients;
    private static Fixtures.Tenant a;
    private static Fixtures.Tenant b;
    private static Conversation conversationA;
    private static Conversation otherConversationA;
    private static Conversation conversationB;
    private static final long SECOND_AGENT = 9_001;

    @BeforeAll
    static void connectEveryone() {
        a = Fixtures.tenant(app, "Account A");
        b = Fixtures.tenant(app, "Account B");
        conversationA = RealtimeFixtures.conversation(app, a.accountId());
        otherConversationA = RealtimeFixtures.conversation(app, a.accountId());
        conversationB = RealtimeFixtures.conversation(app, b.accountId());
        clients = NodeClients.started();
        var url = app.baseUrl();
        var websocketOnly = Map.of("transports", List.of("websocket"));
        clients.connect("a-owner", url, auth(a.token(), a.accountId()));
        clients.connect("a-agent", url, auth(agentToken(a.accountId(), SECOND_AGENT), a.accountId()), websocketOnly);
        clients.connect("b-owner", url, auth(b.token(), b.accountId()));
        clients.connect("a-customer", url, auth(RealtimeFixtures.contactToken(conversationA)));
        clients.connect("a-other-customer", url, auth(RealtimeFixtures.contactToken(otherConversationA)));
        clients.connect("b-customer", url, auth(RealtimeFixtures.contactToken(conversationB)), websocketOnly);
        for (var id : everyone()) {
            clients.await(id, "connect");
        }
        assertThat(clients.await("a-agent", "connect").path("transport").asText())
                .isEqualTo("websocket");
    }

    @AfterAll
    static void stopClients() {
        clients.close();
    }

    private static List<String> everyone() {
        return List.of("a-owner", "a-agent", "b-owner", "a-customer", "a-other-customer", "b-customer");
    }

    @Test
    void an_account_event_reaches_every_agent_of_that_account_and_nobody_else() throws Exception {
        app.app().realtime().emitToAccount(a.accountId(), "conversation:assigned", Map.of("marker", "to-account-a"));
        assertThat(received("a-owner", "conversation:assigned", "to-account-a")).hasSize(1);
        assertThat(received("a-agent", "conversation:assigned", "to-account-a")).hasSize(1);
        assertNobodyElseGot("conversation:assigned", "to-account-a", "a-owner", "a-agent");
    }

    @Test
    void a_user_event_reaches_that_agent_only() throws Exception {
        app.app().realtime().emitToUser(a.accountId(), a.ownerId(), "conversation:assigned", Map.of("marker", "me"));
        assertThat(received("a-owner", "conversation:assigned", "me")).hasSize(1);
        assertNobodyElseGot("conversation:assigned", "me", "a-owner");
    }

    @Test
    void a_customer_event_reaches_that_conversations_customer_only() throws Exception {
        app.app()
                .realtime()
                .emitToConversationCustomer(
                        a.accountId(),
                        conversationA.id(),
                        conversationA.contactId(),
                        "message:sent",
                        Map.of("marker", "reply"));
        assertThat(received("a-customer", "message:sent", "reply")).hasSize(1);
        assertNobodyElseGot("message:sent", "reply", "a-customer");
    }

    @Test
    void json_nulls_are_kept_in_payloads() {
        var payload = new HashMap<String, Object>();
        payload.put("marker", "nulls");
        payload.put("assigneeId", null);
        payload.put("nested", java.util.Collections.singletonMap("teamId", null));
        payload.put("list", java.util.Arrays.asList(1, null, "x"));
        app.app().realtime().emitToAccount(a.accountId(), "conversation:updated", payload);
        var event = received("a-agent", "conversation:updated", "nulls").getFirst();
        var data = event.path("args").get(0);
        assertThat(data.has("assigneeId")).isTrue();
        assertThat(data.get("assigneeId").isNull()).isTrue();
        assertThat(data.get("nested").has("teamId")).isTrue();
        assertThat(data.get("list").toString()).isEqualTo("[1,null,\"x\"]");
    }

    @Test
    void typing_reaches_the_other_agents_and_the_customer_but_not_the_sender() throws Exception {
        int ack = clients.emitWithAck(
                "a-owner", "agent:typing", Map.of("conversationId", conversationA.id(), "typing", true));
        assertThat(clients.awaitAck("a-owner", ack).path("data").path("ok").asBoolean())
                .isTrue();

        var toAgent = clients.await(line -> isTyping(line, "a-agent", conversationA.id()), Duration.ofSeconds(10));
        assertThat(toAgent.path("args").get(0).path("userId").asLong()).isEqualTo(a.ownerId());
        assertThat(toAgent.path("args").get(0).path("typing").asBoolean()).isTrue();
        var toCustomer =
                clients.await(line -> isTyping(line, "a-customer", conversationA.id()), Duration.ofSeconds(10));
        assertThat(toCustomer.path("args").get(0).has("userId")).isFalse(); // customers see "an agent"
        Thread.sleep(300);
        for (var id : List.of("a-owner", "b-owner", "a-other-customer", "b-customer")) {
            assertThat(clients.all()).as(id).noneMatch(line -> isTyping(line, id, conversationA.id()));
        }
    }

    @Test
    void the_seeds_typing_call_with_a_string_id_and_no_flag_means_typing() {
        var marker = clients.mark();
        clients.emit("a-agent", "agent:typing", Map.of("conversationId", Long.toString(otherConversationA.id())));
        var event = clients.awaitFrom(
                marker, line -> isTyping(line, "a-other-customer", otherConversationA.id()), Duration.ofSeconds(10));
        assertThat(event.path("args").get(0).path("typing").asBoolean()).isTrue();
    }

    @Test
    void typing_about_another_accounts_conversation_goes_nowhere() throws Exception {
        int ack = clients.emitWithAck("a-owner", "agent:typing", Map.of("conversationId", conversationB.id()));
        assertThat(clients.awaitAck("a-owner", ack).path("data").path("error").asText())
                .isEqualTo("not_found");
        Thread.sleep(300);
        assertThat(clients.all())
                .noneMatch(line -> isTyping(line, "b-customer", conversationB.id())
                        || isTyping(line, "b-owner", conversationB.id()));
    }

    @Test
    void acks_and_broadcasts_stay_correct_when_many_threads_send_at_once() throws Exception {
        int sockets = 10;
        int heartbeats = 30;
        int broadcasts = 100;
        long account = 777_000;
        for (int i = 0; i < sockets; i++) {
            clients.connect(
                    "load-" + i,
                    app.baseUrl(),
                    auth(agentToken(account, 100 + i), account),
                    i % 2 == 0 ? Map.of() : Map.of("transports", List.of("websocket")));
        }
        for (int i = 0; i < sockets; i++) {
            clients.await("load-" + i, "connect");
        }
        var seqs = new ArrayList<int[]>();
        var pool = Executors.newFixedThreadPool(8);
        var sent = new AtomicInteger();
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                int n;
                while ((n = sent.getAndIncrement()) < broadcasts) {
                    app.app().realtime().emitToAccount(account, "message:new", Map.of("marker", "load", "n", n));
                }
            });
        }
        for (int h = 0; h < heartbeats; h++) {
            for (int i = 0; i < sockets; i++) {
                seqs.add(
                        new int[] {i, clients.emitWithAck("load-" + i, "agent:heartbeat", Map.of("status", "online"))});
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (var seq : seqs) {
            var ack = clients.awaitAck("load-" + seq[0], seq[1]);
            assertThat(ack.path("error").isNull()).as(ack.toString()).isTrue();
            assertThat(ack.path("data").path("ok").asBoolean()).isTrue();
            assertThat(ack.path("data").path("status").asText()).isEqualTo("online");
        }
        for (int i = 0; i < sockets; i++) {
            var id = "load-" + i;
            clients.await(line -> received(id, "message:new", "load").size() == broadcasts, Duration.ofSeconds(20));
            var numbers = received(id, "message:new", "load").stream()
                    .map(line -> line.path("args").get(0).path("n").asInt())
                    .distinct()
                    .count();
            assertThat(numbers).isEqualTo(broadcasts);
        }
    }

    private static boolean isTyping(JsonNode line, String id, long conversationId) {
        return id.equals(line.path("id").asText())
                && "agent:typing".equals(line.path("event").asText())
                && line.path("args").get(0).path("conversationId").asLong() == conversationId;
    }

    private static List<JsonNode> received(String id, String event, String marker) {
        try {
            clients.await(line -> isMarked(line, id, event, marker), Duration.ofSeconds(10));
        } catch (AssertionError notYet) {
            return List.of();
        }
        return clients.events(id, event).stream()
                .filter(line -> isMarked(line, id, event, marker))
                .toList();
    }

    private static boolean isMarked(JsonNode line, String id, String event, String marker) {
        return id.equals(line.path("id").asText())
                && event.equals(line.path("event").asText())
                && marker.equals(line.path("args").get(0).path("marker").asText());
    }

    private static void assertNobodyElseGot(String event, String marker, String... expected) throws Exception {
        Thread.sleep(300);
        var allowed = List.of(expected);
        for (var id : everyone()) {
            if (!allowed.contains(id)) {
                assertThat(clients.events(id, event).stream()
                                .filter(line -> isMarked(line, id, event, marker))
                                .toList())
                        .as(id + " must not receive " + marker + ": "
                                + Json.mapper().writeValueAsString(""))
                        .isEmpty();
            }
        }
    }
}
