package com.hummdesk.conversations.publicapi;

import java.util.List;

/** The customer's conversations, newest first; pass {@code nextCursor} as {@code before} for older ones. */
public record PublicConversationPage(List<PublicConversation> conversations, Long nextCursor) {
    public PublicConversationPage {
        conversations = List.copyOf(conversations);
    }
}
