package com.hummdesk.conversations.publicapi;

import com.hummdesk.conversations.MessageView;
import java.time.OffsetDateTime;

/** A message as the customer sees it: who wrote it by name only, no internal ids. */
public record PublicMessage(
        long id, String messageType, String senderType, String senderName, String content, OffsetDateTime createdAt) {

    static PublicMessage of(MessageView m) {
        return new PublicMessage(
                m.id(),
                m.messageType(),
                m.senderType(),
                m.sender() == null ? null : m.sender().name(),
                m.content(),
                m.createdAt());
    }
}
