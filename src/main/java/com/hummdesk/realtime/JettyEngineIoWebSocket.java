package com.hummdesk.realtime;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty 12 websocket bridge engine.io-server lacks (its Jetty adapter targets Jetty 9.4): one instance per
 * websocket, turning Jetty's callbacks into engine.io's "message"/"close"/"error" events and its writes into
 * Jetty's asynchronous sends. Writes come from several threads at once (delivery lanes, acknowledgements, pings);
 * with concurrent sends a frame now and then stayed unwritten until the next send (RealtimeTransportIT caught
 * clients missing their last events), so frames queue here and go out one at a time, the next when the previous
 * completes. A send that fails (the peer is gone) or a queue past {@link #MAX_QUEUED_FRAMES} (a reader too slow)
 * closes the websocket, which engine.io sees as a transport close. Public only because Jetty binds the listener
 * methods with method handles, which need a public class; the constructor stays package-private.
 */
public final class JettyEngineIoWebSocket extends EngineIoWebSocket implements Session.Listener.AutoDemanding {
    private final EngineIoServer engine;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    static final int MAX_QUEUED_FRAMES = 1_024;

    private final Queue<Object> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();
    private final Sender sender = new Sender();
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
        enqueue(message);
    }

    @Override
    public void write(byte[] message) {
        enqueue(message);
    }

    private void enqueue(Object frame) {
        if (queuedCount.incrementAndGet() > MAX_QUEUED_FRAMES) {
            close();
            return;
        }
        queued.add(frame);
        sender.iterate();
    }

    /** Sends the queued frames one at a time; Jetty's IteratingCallback guarantees no wake-up is lost. */
    private final class Sender extends IteratingCallback {
        @Override
        protected Action process() {
            var frame = queued.poll();
            if (frame == null) {
                return Action.IDLE;
            }
            queuedCount.decrementAndGet();
            var sent = Callback.from(this::succeeded, this::failed);
            if (frame instanceof String text) {
                session.sendText(text, sent);
            } else {
                session.sendBinary(ByteBuffer.wrap((byte[]) frame), sent);
            }
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            queued.clear();
            session.close();
        }
    }

    @Override
    public void close() {
        var current = session;
        if (current != null && current.isOpen()) {
            current.close();
        }
    }
}
