package com.hummdesk.realtime;

/** The payload of {@code agent:presence}, and an entry of {@link Presence#online}. */
public record AgentPresence(long userId, PresenceStatus status) {}
