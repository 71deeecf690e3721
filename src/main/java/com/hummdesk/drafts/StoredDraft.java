package com.hummdesk.drafts;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored draft as the API returns it. {@code origin} is {@code pipeline} (drafted after classification) or
 * {@code regenerated} (an agent asked again); {@code editDistance} is the normalised Levenshtein distance between
 * the draft and what the agent sent (0 = as drafted, 1 = nothing in common), null until feedback or when rejected.
 */
public record StoredDraft(
        long id,
        long conversationId,
        long messageId,
        String origin,
        String content,
        double confidence,
        String reasoning,
        List<Long> citedArticleIds,
        String provider,
        String model,
        int latencyMs,
        DraftStatus status,
        String finalText,
        Double editDistance,
        Long requestedBy,
        Long feedbackBy,
        OffsetDateTime feedbackAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
