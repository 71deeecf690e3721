package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.agentToken;
import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.App;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis goes down (a private redis-server, killed): each node keeps delivering its own events, /health says
 * redis is degraded, the API keeps answering; when Redis is back the nodes reconnect by themselves.
 */
class RealtimeRedisOutageIT {
    private static final RedisServer redis = new RedisServer();

    @RegisterExtension
    static final TestApp nodeA = new TestApp().with("REDIS_URL", redis.url());

    private static App nodeB;
    private static NodeClients clients;
    private static Fixtures.Tenant tenant;
    private static final AtomicInteger sequence = new AtomicInteger();

    @BeforeAll
    static void connect() {
        nodeB = nodeA.startNode(Map.of());
        tenant = Fixtures.tenant(nodeA, "Outage");
        clients = NodeClients.started();
        clients.connect("on-a", nodeA.baseUrl(), auth(agentToken(tenant.accountId(), 1), tenant.accountId()));
        clients.connect(
                "on-b",
                "http://localhost:" + nodeB.port(),
                auth(agentToken(tenant.accountId(), 2), tenant.accountId()));
        clients.await("on-a", "connect");
        clients.await("on-b", "connect");
    }

    @AfterAll
    static void stop() {
        clients.close();
        redis.close();
    }

    @Test
    void local_delivery_survives_a_redis_outage_and_fan_out_comes_back_on_its_own() throws Exception {
        assertThat(crossNodeDeliveryWorks(Duration.ofSeconds(10))).isTrue();

        redis.stop();
        var marker = "during-outage-" + sequence.incrementAndGet();
        nodeA.app().realtime().emitToAccount(tenant.accountId(), "message:new", Map.of("marker", marker));
        clients.await(line -> isMarked(line, "on-a", marker), Duration.ofSeconds(10));
        var health = nodeA.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("checks").path("redis").asText()).isEqualTo("degraded");
        assertThat(nodeA.get("/api/presence", tenant.token()).status()).isEqualTo(200);
        Thread.sleep(500);
        assertThat(clients.all()).noneMatch(line -> isMarked(line, "on-b", marker));

        redis.start();
        assertThat(crossNodeDeliveryWorks(Duration.ofSeconds(20))).isTrue();
        assertThat(nodeA.get("/health", null)
                        .json()
                        .path("checks")
                        .path("redis")
                        .asText())
                .isEqualTo("ok");
    }

    /** Emits on A until B hears one (the subscriber reconnects with a backoff of up to 2 s). */
    private static boolean crossNodeDeliveryWorks(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var marker = "probe-" + sequence.incrementAndGet();
            nodeA.app().realtime().emitToAccount(tenant.accountId(), "message:new", Map.of("marker", marker));
            try {
                clients.await(line -> isMarked(line, "on-b", marker), Duration.ofMillis(500));
                return true;
            } catch (AssertionError notYet) {
                // try again
            }
        }
        return false;
    }

    private static boolean isMarked(JsonNode line, String id, String marker) {
        return id.equals(line.path("id").asText())
                && "message:new".equals(line.path("event").asText())
                && marker.equals(line.path("args").get(0).path("marker").asText());
    }
}
