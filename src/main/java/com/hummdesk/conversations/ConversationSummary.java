package com.hummdesk.conversations;

import java.time.OffsetDateTime;

/** One row of the conversation list, in the seed API's shape; {@code assignedAgent} is null when unassigned. */
public record ConversationSummary(
        long id,
        String status,
        String priority,
        String aiCategory,
        String sentiment,
        Contact contact,
        Agent assignedAgent,
        LastMessage lastMessage,
        OffsetDateTime createdAt) {

    public record Contact(String name, String email) {}

    public record Agent(String name, long id) {}

    /** {@code content} is a preview of at most {@link ConversationFinder#PREVIEW_LENGTH} characters. */
    public record LastMessage(String content, OffsetDateTime createdAt) {}
}
