package com.hummdesk.knowledge;

import java.time.OffsetDateTime;
import java.util.List;

/** A knowledge-base article: markdown body, tags, language, and status draft or published. */
public record Article(
        long id,
        String title,
        String body,
        List<String> tags,
        String language,
        String status,
        String source,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
