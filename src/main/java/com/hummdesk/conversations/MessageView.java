package com.hummdesk.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A timeline entry: a customer's message (incoming), an agent's reply (outgoing), a private note (outgoing,
 * private) or an activity record. {@code sender} is null for the system.
 */
public record MessageView(
        long id,
        long conversationId,
        String messageType,
        @JsonProperty("private") boolean privateNote,
        String senderType,
        Sender sender,
        String content,
        OffsetDateTime createdAt) {

    public record Sender(long id, String name) {}
}
