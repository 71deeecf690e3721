package com.hummdesk.conversations;

import com.hummdesk.platform.events.DomainEvent;

/** A customer started a conversation (its first message follows as {@link MessageCreated}); for routing. */
public record ConversationCreated(long accountId, long conversationId, long inboxId, long contactId)
        implements DomainEvent {}
