package com.hummdesk.conversations;

import java.util.List;

/**
 * A page of a timeline, oldest message first. {@code nextCursor} continues in the direction asked for (pass it as
 * {@code before} for older messages, or as {@code after} for newer ones); null when there is nothing more.
 */
public record MessagePage(List<MessageView> messages, Long nextCursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public MessagePage {
        messages = List.copyOf(messages);
    }
}
