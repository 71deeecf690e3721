package com.hummdesk.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The rooms of the sockets connected to this node, replacing socket.io-server's memory adapter, which encodes the
 * packet again for every socket while holding one lock for the whole namespace (36-127 ms for 1,000 sockets in the
 * spike). Here a broadcast arrives encoded once and is handed to each socket's engine.io connection, whose send is
 * thread-safe, without a shared lock.
 *
 * <p>Delivery runs on {@link DeliveryLanes}, never in the caller's thread. engine.io holds a connection's lock
 * while it dispatches that connection's packets (and socket.io holds the namespace lock while it announces a
 * connect), so a handler that sent to other sockets in place would take their locks while holding its own: two
 * connections doing it at once deadlocked. Each socket is served by one lane, so its frames keep their order.
 *
 * <p>A socket joins its principal's rooms together with its own room. socket.io joins that one in {@code
 * onConnect}, just before it sends the CONNECT acknowledgement, so by the time a client sees "connect" it is in
 * every room it will ever be in and cannot miss an event emitted right after.
 */
final class LocalRooms extends SocketIoAdapter implements AutoCloseable {
    private final Function<SocketIoSocket, List<String>> principalRooms;
    private final Timer deliveryTime;
    private final DeliveryLanes lanes = DeliveryLanes.perCore();
    private final Map<String, Set<SocketIoSocket>> members = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roomsOfSocket = new ConcurrentHashMap<>();

    LocalRooms(
            SocketIoNamespace namespace, Function<SocketIoSocket, List<String>> principalRooms, MeterRegistry meters) {
        super(namespace);
        this.principalRooms = principalRooms;
        this.deliveryTime = Timer.builder("realtime.broadcast.delivery")
                .description("From an emit to the last of this node's sockets in its rooms being handed the frame")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    /** Sends {@code broadcast} to the sockets of this node in its rooms, each once; returns at once. */
    void deliver(Broadcast broadcast) {
        long emitted = System.nanoTime();
        var unfinished = new AtomicInteger(lanes.count());
        for (int lane = 0; lane < lanes.count(); lane++) {
            int mine = lane;
            lanes.execute(lane, () -> {
                deliverNow(broadcast, mine);
                if (unfinished.decrementAndGet() == 0) {
                    deliveryTime.record(System.nanoTime() - emitted, TimeUnit.NANOSECONDS);
                }
            });
        }
    }

    private void deliverNow(Broadcast broadcast, int lane) {
        var rooms = broadcast.rooms();
        var sent = rooms.size() == 1 ? null : new HashSet<SocketIoSocket>();
        for (var room : rooms) {
            for (var socket : members.getOrDefault(room, Set.of())) {
                if (lanes.laneOf(socket) == lane && (sent == null || sent.add(socket))) {
                    send(socket, broadcast);
                }
            }
        }
    }

    int sockets() {
        return roomsOfSocket.size();
    }

    long dropped() {
        return lanes.dropped();
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
        var targets = rooms == null ? List.copyOf(roomsOfSocket.keySet()) : Arrays.asList(rooms);
        var except = socketsExcluded == null || socketsExcluded.length == 0 ? null : socketsExcluded[0];
        deliver(new Broadcast(targets, except, frame.toString()));
    }

    @Override
    public void close() {
        lanes.close();
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
