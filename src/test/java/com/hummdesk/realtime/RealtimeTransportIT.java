package com.hummdesk.realtime;

import static com.hummdesk.realtime.RealtimeFixtures.agentToken;
import static com.hummdesk.realtime.RealtimeFixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.http.HttpServer;
import com.hummdesk.testing.TestApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the spike found broken in other servers: upgrades that stall, compression by default, a short accept queue. */
class RealtimeTransportIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @RegisterExtension
    static final NodeClients clients = new NodeClients();

    @Test
    void a_hundred_clients_on_default_options_all_upgrade_to_websocket_and_none_stalls() {
        int count = 100;
        long account = 5_100;
        for (int i = 0; i < count; i++) {
            clients.connect("c" + i, app.baseUrl(), auth(agentToken(account, i + 1), account));
        }
        for (int i = 0; i < count; i++) {
            assertThat(clients.await("c" + i, "open", Duration.ofSeconds(30))
                            .path("transport")
                            .asText())
                    .isEqualTo("polling"); // the stock client's default: polling first
            clients.await("c" + i, "connect", Duration.ofSeconds(30));
            assertThat(clients.await("c" + i, "upgrade", Duration.ofSeconds(30))
                            .path("transport")
                            .asText())
                    .isEqualTo("websocket");
        }
        // A stalled upgrade showed as missed events and emits that never completed: check both, on every client.
        for (int n = 0; n < 3; n++) {
            app.app().realtime().emitToAccount(account, "message:new", Map.of("n", n));
        }
        var acks = new ArrayList<Integer>();
        for (int i = 0; i < count; i++) {
            acks.add(clients.emitWithAck("c" + i, "agent:heartbeat", Map.of()));
        }
        for (int i = 0; i < count; i++) {
            var id = "c" + i;
            clients.await(
                    line -> id.equals(line.path("id").asText())
                            && "message:new".equals(line.path("event").asText())
                            && line.path("args").path(0).path("n").asInt() == 2,
                    Duration.ofSeconds(20));
            assertThat(clients.events(id, "message:new")).hasSize(3);
            assertThat(clients.awaitAck(id, acks.get(i)).path("data").path("ok").asBoolean())
                    .isTrue();
        }
        var state = clients.state().path("sockets");
        for (int i = 0; i < count; i++) {
            assertThat(state.path("c" + i).path("connected").asBoolean()).isTrue();
            assertThat(state.path("c" + i).path("transport").asText()).isEqualTo("websocket");
        }
        assertThat(clients.all())
                .noneMatch(line -> "disconnect".equals(line.path("type").asText()));
    }

    @Test
    void permessage_deflate_is_refused_even_when_the_client_offers_it() {
        var url = "ws://localhost:" + app.app().port() + "/socket.io/?EIO=4&transport=websocket";
        clients.raw("deflate", url, List.of("40{\"token\":\"" + agentToken(1, 1) + "\"}"));
        var open = clients.await("deflate", "raw-open");
        assertThat(open.path("extensions")).isEmpty();
        clients.await(
                line -> "deflate".equals(line.path("id").asText())
                        && line.path("data").asText().startsWith("40{\"sid\""),
                Duration.ofSeconds(10));
    }

    @Test
    void the_listening_socket_accepts_a_queue_of_at_least_1024() throws Exception {
        // ss shows a listening socket's backlog in the Send-Q column.
        var ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + app.app().port())
                .redirectErrorStream(true)
                .start();
        assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();
        var output = read(ss);
        var columns = output.trim().split("\\s+");
        assertThat(columns[0]).as(output).isEqualTo("LISTEN");
        assertThat(Integer.parseInt(columns[2])).as(output).isGreaterThanOrEqualTo(1024);
        assertThat(HttpServer.ACCEPT_QUEUE_SIZE).isGreaterThanOrEqualTo(1024);
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
