package com.hummdesk.conversations;

import java.time.OffsetDateTime;

/** An automatic assignment that was written, to be announced after its transaction committed. */
public record Assignment(
        long accountId,
        long conversationId,
        long assigneeId,
        long activityMessageId,
        String activity,
        OffsetDateTime activityAt) {}
