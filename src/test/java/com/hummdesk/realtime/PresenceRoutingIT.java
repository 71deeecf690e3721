package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.agentToken;
import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.routing.RoutingOutcome;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing on the gateway's presence (ROUTING_PRESENCE=heartbeat, the default outside tests): an agent who declared
 * themselves online takes conversations only while their dashboard's socket sends heartbeats; connecting drains
 * the waiting queue to them, and once heartbeats stop (TTL 2 s here) new conversations wait again.
 */
class PresenceRoutingIT {
    @RegisterExtension
    static final TestApp app =
            new TestApp().with("ROUTING_PRESENCE", "heartbeat").with("PRESENCE_TTL_SECONDS", "2");

    @RegisterExtension
    static final NodeClients clients = new NodeClients();

    @Test
    void an_agent_takes_conversations_only_while_their_dashboard_is_connected() throws Exception {
        long account = Fixtures.tenant(app, "Presence routing").accountId();
        long agent = app.app()
                .accounts()
                .addMember(account, "Aino", "aino-presence@example.test", Fixtures.PASSWORD, Role.AGENT);
        app.app()
                .database()
                .inAccount(
                        account,
                        tx -> tx.execute(
                                "update account_users set availability = 'online', max_concurrent = 10"
                                        + " where account_id = ? and user_id = ?",
                                account,
                                agent));

        // Declared online, but no dashboard connected: the conversation waits.
        long first = RealtimeFixtures.conversation(app, account).id();
        assertThat(app.app().router().route(account, first).result()).isEqualTo(RoutingOutcome.Result.QUEUED);

        // The dashboard connects: presence turns online and the queue drains to the agent.
        clients.connect("aino", app.baseUrl(), auth(agentToken(account, agent), account));
        clients.await("aino", "connect");
        await("the waiting conversation goes to the agent", () -> Objects.equals(assignee(account, first), agent));
        long second = RealtimeFixtures.conversation(app, account).id();
        assertThat(app.app().router().route(account, second).result()).isEqualTo(RoutingOutcome.Result.ASSIGNED);

        // The dashboard goes away: after the presence TTL, new conversations wait again.
        clients.close("aino");
        await("the agent is offline", () -> app.app().presence().status(account, agent) == PresenceStatus.OFFLINE);
        long third = RealtimeFixtures.conversation(app, account).id();
        assertThat(app.app().router().route(account, third).result()).isEqualTo(RoutingOutcome.Result.QUEUED);
        assertThat(assignee(account, third)).isNull();
    }

    private static Long assignee(long account, long conversation) {
        return app.app().database().inAccount(account, tx -> tx.fetchOne(
                        "select assignee_id from conversations where account_id = ? and id = ?", account, conversation)
                .get(0, Long.class));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
