package com.hummdesk.platform.events;

/** Something that happened in an account, named in the past tense (MessageCreated, ConversationAssigned). */
public interface DomainEvent {
    long accountId();
}
