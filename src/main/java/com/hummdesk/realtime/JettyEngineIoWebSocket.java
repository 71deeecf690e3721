package com.hummdesk.realtime;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty 12 websocket bridge engine.io-server lacks (its Jetty adapter targets Jetty 9.4): one instance per
 * websocket, turning Jetty's callbacks into engine.io's "message"/"close"/"error" events and its writes into
 * Jetty's asynchronous sends. A send that fails (the peer is gone, or too many frames queued for a slow reader)
 * closes the websocket, which engine.io sees as a transport close. Public only because Jetty binds the listener
 * methods with method handles, which need a public class; the constructor stays package-private.
 */
public final class JettyEngineIoWebSocket extends EngineIoWebSocket implements Session.Listener.AutoDemanding {
    private final EngineIoServer engine;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private volatile Session session;

    JettyEngineIoWebSocket(EngineIoServer engine, JettyServerUpgradeRequest request) {
        this.engine = engine;
        this.query = ParseQS.decode(request.getQueryString());
        this.headers = Map.copyOf(request.getHeaders());
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        engine.handleWebSocket(this);
    }

    @Override
    public void onWebSocketText(String message) {
        emit("message", message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        var bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        emit("message", (Object) bytes);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        emit("close");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        emit("error", "websocket error", String.valueOf(cause.getMessage()));
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) {
        session.sendText(message, Callback.from(() -> {}, failed -> session.close()));
    }

    @Override
    public void write(byte[] message) {
        session.sendBinary(ByteBuffer.wrap(message), Callback.from(() -> {}, failed -> session.close()));
    }

    @Override
    public void close() {
        var current = session;
        if (current != null && current.isOpen()) {
            current.close();
        }
    }
}
