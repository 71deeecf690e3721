package com.hummdesk.agents;

import com.hummdesk.platform.events.DomainEvent;

/**
 * Published when the real-time gateway's heartbeats show an agent became reachable (a dashboard connected) or not
 * (no heartbeat within the presence TTL). Routing drains its queue to an agent who became reachable.
 */
public record AgentPresenceChanged(long accountId, long userId, boolean reachable) implements DomainEvent {}
