package com.hummdesk.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.http.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The auth shim: socket.io-server has no connect middleware and acknowledges every connect packet, so this gate
 * stands between engine.io and socket.io. It takes over engine.io's "connection" hand-off, reads the first
 * socket.io packet itself, and only when it is a CONNECT to "/" whose auth verifies does it hand the connection to
 * socket.io (replaying that packet). Anything else gets CONNECT_ERROR {"message":"unauthorized"} and is closed
 * without ever reaching socket.io, so a refused connection is in no room and can receive no broadcast.
 */
final class HandshakeGate {
    private static final String UNAUTHORIZED = "4{\"message\":\"unauthorized\"}";

    private final HandshakeAuth auth;
    private final ScheduledExecutorService timer;
    private final Duration connectTimeout;
    private final MeterRegistry meters;
    private final Map<String, Principal> admitted = new ConcurrentHashMap<>();
    private final Map<String, EngineIoSocket> open = new ConcurrentHashMap<>();
    private List<Emitter.Listener> socketIoHandoff = List.of();

    HandshakeGate(HandshakeAuth auth, ScheduledExecutorService timer, Duration connectTimeout, MeterRegistry meters) {
        this.auth = auth;
        this.timer = timer;
        this.connectTimeout = connectTimeout;
        this.meters = meters;
    }

    /** Call after the SocketIoServer is built on {@code engine}: takes over the hand-off it registered. */
    void install(EngineIoServer engine) {
        socketIoHandoff = List.copyOf(engine.listeners("connection"));
        engine.off("connection");
        engine.on("connection", args -> onConnection((EngineIoSocket) args[0]));
    }

    /** The principal of an admitted engine.io connection (socket.io's client id), if it is still open. */
    Optional<Principal> principal(String connectionId) {
        return Optional.ofNullable(admitted.get(connectionId));
    }

    int openConnections() {
        return open.size();
    }

    /** Closes every connection at the transport level, so clients reconnect (to this node or another). */
    void closeAll() {
        open.values().forEach(EngineIoSocket::close);
    }

    private void onConnection(EngineIoSocket connection) {
        var id = connection.getId();
        open.put(id, connection);
        connection.once("close", args -> {
            open.remove(id);
            var wasAdmitted = admitted.remove(id) != null;
            // engine.io's reason: "transport close" (the client went away), "ping timeout", "transport error", ...
            meters.counter(
                            "realtime.disconnects",
                            "reason",
                            args.length > 0 ? String.valueOf(args[0]) : "unknown",
                            "admitted",
                            Boolean.toString(wasAdmitted))
                    .increment();
        });
        connection.on("data", new FirstPacket(connection));
        timer.schedule(
                () -> {
                    if (!admitted.containsKey(id) && connection.getReadyState() == ReadyState.OPEN) {
                        connection.close();
                    }
                },
                connectTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Listens to a new connection until its CONNECT packet has been judged. */
    private final class FirstPacket implements Emitter.Listener {
        private final EngineIoSocket connection;
        private final AtomicBoolean judged = new AtomicBoolean();

        FirstPacket(EngineIoSocket connection) {
            this.connection = connection;
        }

        @Override
        public void call(Object... args) {
            // "0" is socket.io's CONNECT; like socket.io itself, ignore whatever a client sends before it.
            if (!(args[0] instanceof String packet) || !packet.startsWith("0") || !judged.compareAndSet(false, true)) {
                return;
            }
            var principal =
                    namespaceIsRoot(packet) ? authOf(packet).flatMap(auth::verify) : Optional.<Principal>empty();
            if (principal.isEmpty()) {
                connection.send(new Packet<>(Packet.MESSAGE, UNAUTHORIZED));
                connection.close();
                return;
            }
            connection.off("data", this);
            admitted.put(connection.getId(), principal.get());
            socketIoHandoff.forEach(listener -> listener.call(connection));
            connection.emit("data", packet);
        }
    }

    private static boolean namespaceIsRoot(String packet) {
        return packet.length() == 1 || packet.charAt(1) != '/' || packet.startsWith("0/,");
    }

    private static Optional<JsonNode> authOf(String packet) {
        var json = packet.startsWith("0/,") ? packet.substring(3) : packet.substring(1);
        if (json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readTree(json));
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }
}
