package com.hummdesk.realtime;

import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import java.util.Optional;
import java.util.OptionalLong;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What clients may send: agents {@code agent:typing} and {@code agent:heartbeat}; customers nothing. Each may
 * carry an acknowledgement callback, answered with {@code {ok: true, ...}} or {@code {ok: false, error}}. Acks go
 * out through the connection's engine.io send, which holds the connection's lock, so they are safe from any
 * thread. (The library's map of acks the server requests is not thread-safe; HummDesk never requests one.)
 */
final class ClientEvents {
    private static final Logger log = LoggerFactory.getLogger(ClientEvents.class);

    private final HandshakeGate gate;
    private final TypingRelay typing;
    private final PresenceTracker presence;

    ClientEvents(HandshakeGate gate, TypingRelay typing, PresenceTracker presence) {
        this.gate = gate;
        this.typing = typing;
        this.presence = presence;
    }

    void attach(SocketIoNamespace namespace) {
        namespace.on("connection", args -> onConnection((SocketIoSocket) args[0]));
    }

    private void onConnection(SocketIoSocket socket) {
        if (!(gate.principal(socket.getClient().getId()).orElse(null) instanceof AgentPrincipal agent)) {
            return;
        }
        presence.heartbeat(agent.accountId(), agent.userId(), PresenceStatus.ONLINE);
        socket.on(RealtimeEvents.AGENT_TYPING, args -> safely(args, () -> onTyping(agent, socket, args)));
        socket.on(RealtimeEvents.AGENT_HEARTBEAT, args -> safely(args, () -> onHeartbeat(agent, args)));
    }

    private JSONObject onTyping(AgentPrincipal agent, SocketIoSocket socket, Object[] args) {
        var payload = payload(args);
        var conversationId = payload.map(p -> id(p.opt("conversationId"))).orElse(OptionalLong.empty());
        if (conversationId.isEmpty()) {
            return error("conversationId is required (a conversation id)");
        }
        boolean isTyping = payload.get().optBoolean("typing", true);
        if (!typing.relay(agent, socket.getId(), conversationId.getAsLong(), isTyping)) {
            return error("not_found");
        }
        return new JSONObject().put("ok", true);
    }

    private JSONObject onHeartbeat(AgentPrincipal agent, Object[] args) {
        var requested = payload(args).map(p -> p.optString("status", "online")).orElse("online");
        var status = PresenceStatus.parse(requested).filter(s -> s != PresenceStatus.OFFLINE);
        if (status.isEmpty()) {
            return error("status must be online or away");
        }
        presence.heartbeat(agent.accountId(), agent.userId(), status.get());
        return new JSONObject()
                .put("ok", true)
                .put("status", status.get().wire())
                .put("ttlSeconds", presence.ttl().toSeconds());
    }

    /** Runs a handler and answers its ack; a failing handler must not break the connection's read loop. */
    private static void safely(Object[] args, java.util.function.Supplier<JSONObject> handler) {
        JSONObject answer;
        try {
            answer = handler.get();
        } catch (RuntimeException e) {
            log.error("Handling a client event failed", e);
            answer = error("internal");
        }
        if (args.length > 0 && args[args.length - 1] instanceof ReceivedByLocalAcknowledgementCallback ack) {
            ack.sendAcknowledgement(answer);
        }
    }

    private static Optional<JSONObject> payload(Object[] args) {
        return args.length > 0 && args[0] instanceof JSONObject object ? Optional.of(object) : Optional.empty();
    }

    // The seed's client sends ids as strings ('abc123'); HummDesk's are numbers, accepted in either form.
    private static OptionalLong id(Object value) {
        if (value instanceof Number number && number.longValue() > 0 && number.doubleValue() == number.longValue()) {
            return OptionalLong.of(number.longValue());
        }
        if (value instanceof String text && text.matches("[1-9][0-9]{0,17}")) {
            return OptionalLong.of(Long.parseLong(text));
        }
        return OptionalLong.empty();
    }

    private static JSONObject error(String error) {
        return new JSONObject().put("ok", false).put("error", error);
    }
}
