package com.hummdesk.conversations;

import com.hummdesk.platform.events.DomainEvent;

/**
 * A conversation got another assignee; {@code assigneeId} is null when it was unassigned. {@code actorUserId} is the
 * agent who did it, or null when routing assigned it automatically.
 */
public record ConversationAssigned(
        long accountId, long conversationId, Long assigneeId, Long previousAssigneeId, Long actorUserId)
        implements DomainEvent {}
