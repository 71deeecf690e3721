package com.hummdesk.inboxes;

import java.time.OffsetDateTime;

/**
 * An inbox. {@code publicId} is what customers' integrations call the public API with; {@code conversationCount}
 * tells an admin whether it can be deleted.
 */
public record Inbox(
        long id,
        String name,
        String channelType,
        String publicId,
        String routingStrategy,
        Long teamId,
        String teamName,
        long conversationCount,
        OffsetDateTime createdAt) {}
