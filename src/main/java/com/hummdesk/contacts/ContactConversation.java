package com.hummdesk.contacts;

import java.time.OffsetDateTime;

/** A conversation in a contact's history: enough to list it and open it. */
public record ContactConversation(
        long id,
        long inboxId,
        String status,
        String priority,
        String subject,
        String lastMessagePreview,
        OffsetDateTime lastMessageAt,
        OffsetDateTime createdAt) {}
