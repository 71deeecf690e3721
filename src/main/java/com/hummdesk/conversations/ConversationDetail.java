package com.hummdesk.conversations;

import java.time.OffsetDateTime;
import java.util.List;

/** One conversation with everything the agent's side panel shows. Optional parts are null when absent. */
public record ConversationDetail(
        long id,
        String status,
        OffsetDateTime snoozedUntil,
        String priority,
        String subject,
        Ref inbox,
        Contact contact,
        Ref assignedAgent,
        Ref team,
        List<String> labels,
        String aiCategory,
        String sentiment,
        String language,
        Float aiConfidence,
        String aiReasoning,
        String aiProvider,
        OffsetDateTime waitingSince,
        OffsetDateTime firstReplyAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime lastMessageAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record Ref(long id, String name) {}

    public record Contact(long id, String name, String email) {}

    public ConversationDetail {
        labels = List.copyOf(labels);
    }
}
