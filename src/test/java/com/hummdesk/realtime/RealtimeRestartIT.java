package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.agentToken;
import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A deploy: the server stops, a new one starts on the same port, clients reconnect and hear events again. */
class RealtimeRestartIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @RegisterExtension
    static final NodeClients clients = new NodeClients();

    @Test
    void clients_reconnect_to_a_restarted_server_and_receive_events() {
        long account = 31;
        clients.connect("default", app.baseUrl(), auth(agentToken(account, 1), account));
        clients.connect(
                "websocket",
                app.baseUrl(),
                auth(agentToken(account, 2), account),
                Map.of("transports", List.of("websocket")));
        clients.await("default", "upgrade");
        // The default client can report its connect after the upgrade; both must be seen before the mark, or the
        // first connect would later pass for the reconnect.
        clients.await("default", "connect");
        clients.await("websocket", "connect");
        int port = app.app().port();

        int beforeRestart = clients.mark();
        app.restart();
        assertThat(app.app().port()).isEqualTo(port);

        for (var id : List.of("default", "websocket")) {
            var disconnect =
                    clients.awaitFrom(beforeRestart, line -> is(line, id, "disconnect"), Duration.ofSeconds(15));
            assertThat(disconnect.path("reason").asText()).isEqualTo("transport close");
            clients.awaitFrom(beforeRestart, line -> is(line, id, "reconnect"), Duration.ofSeconds(15));
            clients.awaitFrom(beforeRestart, line -> is(line, id, "connect"), Duration.ofSeconds(15));
        }
        // Rooms are joined before the connect acknowledgement, so the first event after it arrives.
        app.app().realtime().emitToAccount(account, "message:new", Map.of("after", "restart"));
        for (var id : List.of("default", "websocket")) {
            var event = clients.awaitFrom(
                    beforeRestart,
                    line -> is(line, id, "event")
                            && "restart"
                                    .equals(line.path("args")
                                            .get(0)
                                            .path("after")
                                            .asText()),
                    Duration.ofSeconds(10));
            assertThat(event.path("event").asText()).isEqualTo("message:new");
        }
    }

    private static boolean is(com.fasterxml.jackson.databind.JsonNode line, String id, String type) {
        return id.equals(line.path("id").asText())
                && type.equals(line.path("type").asText());
    }
}
