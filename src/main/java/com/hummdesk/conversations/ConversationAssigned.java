package com.hummdesk.conversations;

import com.hummdesk.platform.events.DomainEvent;

/** A conversation got another assignee; {@code assigneeId} is null when it was unassigned. */
public record ConversationAssigned(
        long accountId, long conversationId, Long assigneeId, Long previousAssigneeId, long actorUserId)
        implements DomainEvent {}
