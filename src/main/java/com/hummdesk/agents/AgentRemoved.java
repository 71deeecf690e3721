package com.hummdesk.agents;

import com.hummdesk.platform.events.DomainEvent;

/** Published after a member left the account; their open conversations are now unassigned. */
public record AgentRemoved(long accountId, long userId) implements DomainEvent {}
