package com.hummdesk.conversations.publicapi;

import java.util.List;

/** A page of the customer's view of a conversation, oldest first; {@code nextCursor} as in the agent API. */
public record PublicMessagePage(List<PublicMessage> messages, Long nextCursor) {
    public PublicMessagePage {
        messages = List.copyOf(messages);
    }
}
