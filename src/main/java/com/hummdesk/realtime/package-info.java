/**
 * Real time: the socket.io v4 endpoint ({@code /socket.io/} on the API's port, websocket and polling transports),
 * account/user/customer rooms, the seed's server events, typing relay and presence, and fan-out across nodes
 * through Redis pub/sub.
 *
 * <p>Library: {@code io.socket:socket.io-server} 4.1.2 with {@code engine.io-server} 6.3.2, as the real-time spike
 * (shared/research/realtime-spike.md) recommends: it serves the stock client's defaults (polling, then upgrade)
 * without the upgrade stalls netty-socketio showed, rejects a connect without auth, and shares the API's port. The
 * glue the spike predicted lives here: a Jetty 12 websocket bridge ({@link
 * com.hummdesk.realtime.JettyEngineIoWebSocket}), an auth shim on the connect packet ({@link
 * com.hummdesk.realtime.HandshakeGate}), a room adapter that encodes a broadcast once ({@link
 * com.hummdesk.realtime.LocalRooms}) and a Redis pub/sub fan-out ({@link com.hummdesk.realtime.RedisFanout}).
 *
 * <p>Public API: {@link com.hummdesk.realtime.RealtimeGateway} (listeners of domain events emit through it), {@link
 * com.hummdesk.realtime.Presence}, {@link com.hummdesk.realtime.RealtimeEvents}, and {@link
 * com.hummdesk.realtime.RealtimeModule} for the composition root. Depends on platform only (security, db, http,
 * config), and reads the conversations table read-only to find a conversation's customer. socket.io and Jetty
 * websocket types stay inside this package. Protocol and payloads: docs/realtime.md.
 */
package com.hummdesk.realtime;
