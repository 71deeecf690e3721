package com.hummdesk.conversations;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an agent asks to change; null = leave as it is. Team and assignee can be cleared, so for them the
 * {@code *Given} flag says whether the request named them at all. {@code labels} replaces the whole set.
 * {@code category} is the AI category an agent sets (a correction the classifier learns from).
 */
record ConversationChanges(
        Status status,
        OffsetDateTime snoozedUntil,
        Priority priority,
        boolean teamGiven,
        Long teamId,
        boolean assigneeGiven,
        Long assigneeId,
        List<String> labels,
        String category) {

    ConversationChanges(
            Status status,
            OffsetDateTime snoozedUntil,
            Priority priority,
            boolean teamGiven,
            Long teamId,
            boolean assigneeGiven,
            Long assigneeId,
            List<String> labels) {
        this(status, snoozedUntil, priority, teamGiven, teamId, assigneeGiven, assigneeId, labels, null);
    }
}
