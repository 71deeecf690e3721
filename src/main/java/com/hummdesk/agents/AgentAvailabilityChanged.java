package com.hummdesk.agents;

import com.hummdesk.platform.events.DomainEvent;

/** Published after an agent's availability changed (routing and real time listen). */
public record AgentAvailabilityChanged(long accountId, long userId, Availability availability) implements DomainEvent {}
