package com.hummdesk.conversations;

import com.hummdesk.platform.events.DomainEvent;
import java.util.List;

/**
 * Attributes of a conversation changed. {@code actorUserId} is null when no agent did it (a customer's message
 * reopening it). Each change names the field (status, snoozedUntil, priority, teamId, assigneeId, labels,
 * category) and its old and new values in their wire form (null for none).
 */
public record ConversationUpdated(long accountId, long conversationId, Long actorUserId, List<Change> changes)
        implements DomainEvent {

    public record Change(String field, String from, String to) {}

    public ConversationUpdated {
        changes = List.copyOf(changes);
    }
}
