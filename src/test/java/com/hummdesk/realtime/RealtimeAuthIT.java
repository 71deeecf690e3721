package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.agentToken;
import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handshake: only a verified token gets a socket, and a refused connection hears nothing at all. */
class RealtimeAuthIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @RegisterExtension
    static final NodeClients clients = new NodeClients();

    @Test
    void the_seed_client_connects_with_a_login_token_and_its_account_id() {
        var tenant = Fixtures.tenant(app, "Seed Client");
        clients.connect("seed", app.baseUrl(), auth(tenant.token(), tenant.accountId()));
        assertThat(clients.await("seed", "connect").path("transport").asText()).isIn("polling", "websocket");
    }

    @Test
    void a_token_without_account_id_is_enough() {
        clients.connect("no-account-id", app.baseUrl(), auth(agentToken(7, 70)));
        clients.await("no-account-id", "connect");
    }

    @Test
    void a_customer_contact_token_connects() {
        var tenant = Fixtures.tenant(app, "Customer Connects");
        var conversation = RealtimeFixtures.conversation(app, tenant.accountId());
        clients.connect("customer", app.baseUrl(), auth(RealtimeFixtures.contactToken(conversation)));
        clients.await("customer", "connect");
    }

    @Test
    void no_auth_payload_is_refused_as_unauthorized() {
        clients.connect("no-auth", app.baseUrl(), null);
        assertRefused("no-auth");
    }

    @Test
    void a_bad_token_is_refused_as_unauthorized() {
        clients.connect("bad", app.baseUrl(), auth("not-a-jwt", 1));
        clients.connect("forged", app.baseUrl(), auth(agentToken(1, 1) + "x", 1));
        assertRefused("bad");
        assertRefused("forged");
    }

    @Test
    void an_expired_token_is_refused_as_unauthorized() {
        clients.connect("expired", app.baseUrl(), auth(RealtimeFixtures.expiredAgentToken(1, 1), 1));
        assertRefused("expired");
    }

    @Test
    void an_account_id_other_than_the_tokens_is_refused() {
        clients.connect("other-account", app.baseUrl(), auth(agentToken(1, 1), 2));
        assertRefused("other-account");
    }

    @Test
    void websocket_only_clients_are_refused_the_same_way() {
        clients.connect("ws-no-auth", app.baseUrl(), null, Map.of("transports", List.of("websocket")));
        assertRefused("ws-no-auth");
    }

    @Test
    void a_refused_connection_receives_nothing_not_even_broadcasts_to_the_account_it_named() throws Exception {
        long account = 4242;
        var url = "ws://localhost:" + app.app().port() + "/socket.io/?EIO=4&transport=websocket";
        // A bare engine.io client: no auth, then a forged token, and events sent anyway.
        clients.raw("raw-no-auth", url, List.of("40", "42[\"agent:typing\",{\"conversationId\":1}]"));
        clients.raw(
                "raw-forged",
                url,
                List.of("40{\"token\":\"forged\",\"account_id\":" + account + "}", "42[\"agent:heartbeat\"]"));
        clients.await(
                line -> "raw-no-auth".equals(line.path("id").asText())
                        && line.path("data").asText().startsWith("44"),
                Duration.ofSeconds(10));
        clients.await(
                line -> "raw-forged".equals(line.path("id").asText())
                        && line.path("data").asText().startsWith("44"),
                Duration.ofSeconds(10));
        clients.connect("listener", app.baseUrl(), auth(agentToken(account, 1), account));
        clients.await("listener", "connect");

        app.app().realtime().emitToAccount(account, "message:new", Map.of("id", 1));
        app.app().realtime().emitToUser(account, 1, "message:new", Map.of("id", 2));
        clients.awaitEvent("listener", "message:new");
        Thread.sleep(300);

        for (var raw : List.of("raw-no-auth", "raw-forged")) {
            var frames = clients.of(raw).stream()
                    .filter(line -> "raw".equals(line.path("type").asText()))
                    .map(line -> line.path("data").asText())
                    .toList();
            assertThat(frames.getFirst()).startsWith("0{"); // engine.io's open packet
            assertThat(frames.get(1)).isEqualTo("44{\"message\":\"unauthorized\"}");
            // After the refusal only engine.io noise (ping, close) may follow, never a socket.io packet.
            assertThat(frames.subList(2, frames.size())).allMatch(frame -> !frame.startsWith("4"));
            clients.await(raw, "raw-close");
        }
        // Nobody received the refused clients' events either.
        assertThat(clients.events("listener", "agent:typing")).isEmpty();
    }

    private static void assertRefused(String id) {
        var error = clients.await(id, "connect_error");
        assertThat(error.path("message").asText()).isEqualTo("unauthorized");
        assertThat(clients.of(id))
                .noneMatch(line -> "connect".equals(line.path("type").asText()));
        assertThat(clients.events(id, null)).isEmpty();
    }
}
