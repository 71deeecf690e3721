package com.hummdesk.conversations;

import com.hummdesk.platform.events.DomainEvent;
import java.time.OffsetDateTime;

/**
 * A message was added to a conversation (a customer's message, an agent's reply or private note, or an activity
 * entry). Published after commit; the AI pipeline and the real-time gateway listen. {@code senderId} is the
 * contact's id for customer messages, the user's id for agents, null for the system.
 */
public record MessageCreated(
        long accountId,
        long conversationId,
        long messageId,
        MessageType messageType,
        boolean privateNote,
        SenderType senderType,
        Long senderId,
        String content,
        OffsetDateTime createdAt)
        implements DomainEvent {}
