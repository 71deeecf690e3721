package com.hummdesk.realtime;

import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms of the sockets connected to this node, replacing socket.io-server's memory adapter, which encodes the
 * packet again for every socket while holding one lock for the whole namespace (36-127 ms for 1,000 sockets in the
 * spike). Here a broadcast arrives encoded once and is handed to each socket's engine.io connection, whose send is
 * thread-safe, without a shared lock.
 *
 * <p>Delivery runs on one thread of its own, never in the caller's. engine.io holds a connection's lock while it
 * dispatches that connection's packets (and socket.io holds the namespace lock while it announces a connect), so
 * a handler that sent to other sockets in place would take their locks while holding its own: two connections
 * doing it at once deadlocked. One delivery thread also keeps broadcasts in the order they were emitted.
 *
 * <p>A socket joins its principal's rooms together with its own room. socket.io joins that one in {@code
 * onConnect}, just before it sends the CONNECT acknowledgement, so by the time a client sees "connect" it is in
 * every room it will ever be in and cannot miss an event emitted right after.
 */
final class LocalRooms extends SocketIoAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalRooms.class);
    private static final int MAX_QUEUED = 100_000;

    private final Function<SocketIoSocket, List<String>> principalRooms;
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor delivery = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(MAX_QUEUED),
            runnable -> Thread.ofPlatform().name("realtime-delivery").daemon().unstarted(runnable),
            (task, executor) -> {
                if (dropped.incrementAndGet() % 1_000 == 1) {
                    log.warn("Real-time delivery queue full: {} broadcasts dropped so far", dropped.get());
                }
            });
    private final Map<String, Set<SocketIoSocket>> members = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roomsOfSocket = new ConcurrentHashMap<>();

    LocalRooms(SocketIoNamespace namespace, Function<SocketIoSocket, List<String>> principalRooms) {
        super(namespace);
        this.principalRooms = principalRooms;
    }

    /** Sends {@code broadcast} to the sockets of this node in its rooms, each once; returns at once. */
    void deliver(Broadcast broadcast) {
        delivery.execute(() -> deliverNow(broadcast));
    }

    private void deliverNow(Broadcast broadcast) {
        var rooms = broadcast.rooms();
        if (rooms.size() == 1) {
            for (var socket : members.getOrDefault(rooms.getFirst(), Set.of())) {
                send(socket, broadcast);
            }
            return;
        }
        var sent = new HashSet<SocketIoSocket>();
        for (var room : rooms) {
            for (var socket : members.getOrDefault(room, Set.of())) {
                if (sent.add(socket)) {
                    send(socket, broadcast);
                }
            }
        }
    }

    int sockets() {
        return roomsOfSocket.size();
    }

    int members(String room) {
        return members.getOrDefault(room, Set.of()).size();
    }

    private static void send(SocketIoSocket socket, Broadcast broadcast) {
        if (socket.getId().equals(broadcast.exceptSocketId())) {
            return;
        }
        var connection = socket.getClient().getConnection();
        if (connection.getReadyState() == ReadyState.OPEN) {
            connection.send(new io.socket.engineio.server.parser.Packet<>(
                    io.socket.engineio.server.parser.Packet.MESSAGE, broadcast.frame()));
        }
    }

    @Override
    public void add(String room, SocketIoSocket socket) {
        join(room, socket);
        if (room.equals(socket.getId())) {
            principalRooms.apply(socket).forEach(principalRoom -> join(principalRoom, socket));
        }
    }

    @Override
    public void remove(String room, SocketIoSocket socket) {
        // socket.io only knows about the socket's own room, so leaving it means leaving them all.
        var rooms = room.equals(socket.getId()) ? roomsOfSocket.remove(socket.getId()) : Set.of(room);
        if (rooms == null) {
            return;
        }
        for (var left : rooms) {
            members.computeIfPresent(left, (name, sockets) -> {
                sockets.remove(socket);
                return sockets.isEmpty() ? null : sockets;
            });
        }
        if (!room.equals(socket.getId())) {
            roomsOfSocket.computeIfPresent(socket.getId(), (id, joined) -> {
                joined.remove(room);
                return joined;
            });
        }
    }

    private void join(String room, SocketIoSocket socket) {
        members.compute(room, (name, sockets) -> {
            var set = sockets == null ? ConcurrentHashMap.<SocketIoSocket>newKeySet() : sockets;
            set.add(socket);
            return set;
        });
        roomsOfSocket
                .computeIfAbsent(socket.getId(), id -> ConcurrentHashMap.newKeySet())
                .add(room);
    }

    /** socket.io's own broadcasts (none in HummDesk today): encoded once, delivered on this node only. */
    @Override
    public void broadcast(Packet<?> packet, String[] rooms, String[] socketsExcluded) {
        var frame = new StringBuilder();
        new IOParser.Encoder().encode(packet, encoded -> frame.append(encoded[0]));
        var excluded = socketsExcluded == null ? Set.<String>of() : Set.of(socketsExcluded);
        var targets = rooms == null ? List.copyOf(roomsOfSocket.keySet()) : Arrays.asList(rooms);
        var broadcast = new Broadcast(targets, null, frame.toString());
        delivery.execute(() -> {
            var sent = new HashSet<SocketIoSocket>();
            for (var room : targets) {
                for (var socket : members.getOrDefault(room, Set.of())) {
                    if (!excluded.contains(socket.getId()) && sent.add(socket)) {
                        send(socket, broadcast);
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }

    @Override
    public SocketIoSocket[] listClients(String room) {
        return members.getOrDefault(room, Set.of()).toArray(SocketIoSocket[]::new);
    }

    @Override
    public String[] listClientRooms(SocketIoSocket socket) {
        return roomsOfSocket.getOrDefault(socket.getId(), Set.of()).toArray(String[]::new);
    }
}
