package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.agentToken;
import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Presence: online on connect, away on request, offline once heartbeats stop for a TTL (2 s here). */
class RealtimePresenceIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with("PRESENCE_TTL_SECONDS", "2");

    @RegisterExtension
    static final NodeClients clients = new NodeClients();

    @Test
    void an_agent_is_online_then_away_then_offline_once_heartbeats_stop() throws Exception {
        var tenant = Fixtures.tenant(app, "Presence");
        long account = tenant.accountId();
        long colleague = 8_001;
        clients.connect("watcher", app.baseUrl(), auth(tenant.token(), account));
        clients.connect("other-account", app.baseUrl(), auth(agentToken(account + 1, colleague + 1), account + 1));
        clients.await("watcher", "connect");
        clients.await("other-account", "connect");

        clients.connect("colleague", app.baseUrl(), auth(agentToken(account, colleague), account));
        assertThat(awaitPresence("watcher", colleague, "online")).isNotNull();
        assertThat(app.app().presence().status(account, colleague)).isEqualTo(PresenceStatus.ONLINE);

        int ack = clients.emitWithAck("colleague", "agent:heartbeat", Map.of("status", "away"));
        assertThat(clients.awaitAck("colleague", ack)
                        .path("data")
                        .path("ttlSeconds")
                        .asInt())
                .isEqualTo(2);
        awaitPresence("watcher", colleague, "away");
        assertThat(app.app().presence().status(account, colleague)).isEqualTo(PresenceStatus.AWAY);
        clients.emit("watcher", "agent:heartbeat", Map.of());
        var listed = app.get("/api/presence", tenant.token());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("agents").toString())
                .contains("{\"userId\":" + colleague + ",\"status\":\"away\"}");

        // Heartbeats keep the agent away for longer than the TTL...
        for (int i = 0; i < 6; i++) {
            clients.emit("colleague", "agent:heartbeat", Map.of("status", "away"));
            Thread.sleep(500);
        }
        assertThat(presenceEvents("watcher", colleague, "offline")).isZero();
        assertThat(app.app().presence().status(account, colleague)).isEqualTo(PresenceStatus.AWAY);

        // ...and without them the agent turns offline, though the socket is still connected.
        var offline = awaitPresence("watcher", colleague, "offline");
        assertThat(offline).isNotNull();
        assertThat(app.app().presence().status(account, colleague)).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(app.app().presence().online(account)).noneMatch(p -> p.userId() == colleague);
        assertThat(clients.events("other-account", "agent:presence"))
                .noneMatch(line -> line.path("args").get(0).path("userId").asLong() == colleague);

        // A heartbeat brings the agent back online, announced once.
        clients.emit("colleague", "agent:heartbeat", Map.of());
        awaitPresence("watcher", colleague, "online");
        Thread.sleep(300);
        assertThat(presenceEvents("watcher", colleague, "online")).isEqualTo(2);
    }

    private static JsonNode awaitPresence(String id, long userId, String status) {
        return clients.await(line -> isPresence(line, id, userId, status), Duration.ofSeconds(10));
    }

    private static long presenceEvents(String id, long userId, String status) {
        return clients.all().stream()
                .filter(line -> isPresence(line, id, userId, status))
                .count();
    }

    private static boolean isPresence(JsonNode line, String id, long userId, String status) {
        return id.equals(line.path("id").asText())
                && "agent:presence".equals(line.path("event").asText())
                && line.path("args").get(0).path("userId").asLong() == userId
                && status.equals(line.path("args").get(0).path("status").asText());
    }
}
