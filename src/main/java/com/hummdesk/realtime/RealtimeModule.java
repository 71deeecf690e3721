package com.hummdesk.realtime;

import com.hummdesk.platform.config.AppConfig;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import com.hummdesk.platform.http.ServletMount;
import com.hummdesk.platform.security.Authenticator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;
import io.socket.socketio.server.SocketIoSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import redis.clients.jedis.JedisPooled;

/**
 * Builds the real-time feature: the socket.io v4 endpoint at {@code /socket.io/} on the API's port, the gateway
 * other features' listeners emit through, and presence. With a Redis URL, events and presence are shared by every
 * node; without one, they stay in this process.
 */
public final class RealtimeModule implements AutoCloseable {
    private static final long PING_INTERVAL_MILLIS = 25_000; // socket.io v4's defaults
    private static final long PING_TIMEOUT_MILLIS = 20_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(45); // socket.io's connectTimeout

    private final ScheduledThreadPoolExecutor timers;
    private final EngineIoServer engine;
    private final HandshakeGate gate;
    private final LocalRooms rooms;
    private final JedisPooled redis;
    private final Fanout fanout;
    private final SocketIoGateway gateway;
    private final PresenceTracker presence;
    private final SocketIoServlet servlet;

    public RealtimeModule(
            AppConfig.Realtime settings,
            String redisUrl,
            List<String> corsOrigins,
            Authenticator authenticator,
            Database db,
            EventBus events,
            MeterRegistry meters,
            Clock clock) {
        this.timers = timers();
        this.engine = new EngineIoServer(engineOptions(corsOrigins, timers));
        this.gate = new HandshakeGate(new HandshakeAuth(authenticator), timers, CONNECT_TIMEOUT, meters);
        var socketOptions = SocketIoServerOptions.newFromDefault();
        Function<SocketIoSocket, List<String>> roomsOf = socket ->
                gate.principal(socket.getClient().getId()).map(Principal::rooms).orElse(List.of());
        socketOptions.setAdapterFactory(namespace -> new LocalRooms(namespace, roomsOf, meters));
        var socketIo = new SocketIoServer(engine, socketOptions);
        gate.install(engine);
        var namespace = socketIo.namespace("/");
        this.rooms = (LocalRooms) namespace.getAdapter();

        var localPresence = new LocalPresenceStore(clock);
        if (redisUrl == null || redisUrl.isBlank()) {
            this.redis = null;
            this.fanout = new LocalFanout(rooms);
        } else {
            var endpoint = RedisEndpoint.parse(redisUrl);
            this.redis = new JedisPooled(endpoint.address(), endpoint.commands());
            this.fanout = new RedisFanout(rooms, endpoint, redis, settings.redisPrefix());
        }
        this.gateway = new SocketIoGateway(fanout);
        PresenceStore store =
                redis == null ? localPresence : new RedisPresenceStore(redis, settings.redisPrefix(), localPresence);
        this.presence = new PresenceTracker(store, gateway, events, settings.presenceTtl(), clock);
        var contacts = new ConversationContactFinder(db);
        var typing = new TypingRelay(gateway, contacts);
        CustomerRepliesRelay.subscribe(events, gateway, contacts);
        new ClientEvents(gate, typing, presence).attach(namespace);

        var idleTimeout =
                Duration.ofMillis(PING_INTERVAL_MILLIS + PING_TIMEOUT_MILLIS).plusSeconds(5);
        this.servlet = new SocketIoServlet(engine, settings.websocketCompression(), idleTimeout);
        Gauge.builder("realtime.connections", gate, HandshakeGate::openConnections)
                .description("engine.io connections open on this node, authenticated or not yet")
                .register(meters);
        Gauge.builder("realtime.sockets", rooms, LocalRooms::sockets)
                .description("Authenticated socket.io sockets on this node")
                .register(meters);
        Gauge.builder("realtime.delivery.dropped", rooms, LocalRooms::dropped)
                .description("Deliveries dropped because this node's delivery queues were full")
                .register(meters);
        if (fanout instanceof RedisFanout redisFanout) {
            Gauge.builder("realtime.redis.connected", redisFanout, f -> f.connected() ? 1 : 0)
                    .description("1 while the Redis fan-out is subscribed, 0 during an outage")
                    .register(meters);
            Gauge.builder("realtime.redis.publish.dropped", redisFanout, RedisFanout::dropped)
                    .description("Broadcasts not published to Redis because the publish queue was full")
                    .register(meters);
        }
    }

    /**
     * engine.io's ping timers. It reschedules a connection's ping timeout on every packet it receives and cancels
     * the old one; the JDK keeps cancelled tasks queued until they are due unless told otherwise, so with 18,000
     * sockets sending heartbeats the queue grew to hundreds of thousands of dead tasks, pings fell behind and
     * clients dropped with "ping timeout". Removing cancelled tasks keeps the queue at ~2 tasks per socket.
     */
    private static ScheduledThreadPoolExecutor timers() {
        var counter = new AtomicInteger();
        var executor = new ScheduledThreadPoolExecutor(2, runnable -> Thread.ofPlatform()
                .name("realtime-timer-" + counter.incrementAndGet())
                .daemon()
                .unstarted(runnable));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static EngineIoServerOptions engineOptions(List<String> corsOrigins, ScheduledExecutorService timers) {
        var options = EngineIoServerOptions.newFromDefault();
        options.setScheduledExecutorService(timers);
        options.setPingInterval(PING_INTERVAL_MILLIS);
        options.setPingTimeout(PING_TIMEOUT_MILLIS);
        // Browsers on other origins (the Vite dev server) need CORS for the polling transport; none by default.
        options.setAllowedCorsOrigins(
                corsOrigins.isEmpty()
                        ? EngineIoServerOptions.ALLOWED_CORS_ORIGIN_NONE
                        : corsOrigins.toArray(String[]::new));
        return options;
    }

    public RealtimeGateway gateway() {
        return gateway;
    }

    public Presence presence() {
        return presence;
    }

    public ServletMount servlet() {
        return new ServletMount("/socket.io/*", servlet);
    }

    public RouteModule routes() {
        return new PresenceRoutes(presence);
    }

    /** Closes every client connection at the transport level (clients reconnect, to another node if there is one). */
    @Override
    public void close() {
        gate.closeAll();
        presence.close();
        fanout.close();
        rooms.close();
        if (redis != null) {
            redis.close();
        }
        engine.shutdown();
        timers.shutdownNow();
    }
}
