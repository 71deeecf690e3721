package com.hummdesk.conversations.publicapi;

import java.time.OffsetDateTime;

/** One of the customer's own conversations; {@code lastMessage} never shows a private note or activity. */
public record PublicConversation(long id, String status, LastMessage lastMessage, OffsetDateTime createdAt) {

    public record LastMessage(String content, OffsetDateTime createdAt) {}
}
