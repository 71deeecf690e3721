package com.hummdesk.realtime;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;

/**
 * {@code /socket.io/*} on the API's port: websocket upgrades go to the Jetty bridge, everything else (the polling
 * transport, which the stock client starts with) to engine.io's servlet handler.
 */
final class SocketIoServlet extends JettyWebSocketServlet {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final int MAX_OUTGOING_FRAMES = 1_024;
    private static final long MAX_MESSAGE_BYTES = 1_000_000; // engine.io's default maxHttpBufferSize

    private final transient EngineIoServer engine;
    private final boolean compression;
    private final Duration idleTimeout;

    SocketIoServlet(EngineIoServer engine, boolean compression, Duration idleTimeout) {
        this.engine = engine;
        this.compression = compression;
        this.idleTimeout = idleTimeout;
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(idleTimeout);
        factory.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        factory.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
        factory.setMaxOutgoingFrames(MAX_OUTGOING_FRAMES);
        factory.setCreator((request, response) -> {
            if (!compression) {
                response.setExtensions(List.of()); // refuse permessage-deflate even when the client offers it
            }
            return new JettyEngineIoWebSocket(engine, request);
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        engine.handleRequest(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        engine.handleRequest(request, response);
    }
}
