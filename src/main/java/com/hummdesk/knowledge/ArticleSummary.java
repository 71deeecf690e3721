package com.hummdesk.knowledge;

import java.time.OffsetDateTime;
import java.util.List;

/** An article in a list: everything but the body. */
public record ArticleSummary(
        long id,
        String title,
        List<String> tags,
        String language,
        String status,
        String source,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
