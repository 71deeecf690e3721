package com.hummdesk.ai.pipeline;

import java.time.OffsetDateTime;
import java.util.List;

/** One of an account's AI categories with its examples ({@code source} seed or correction), oldest first. */
public record Category(
        long id, String name, String description, Long teamId, List<Example> examples, OffsetDateTime updatedAt) {

    public record Example(long id, String text, String source, Long messageId) {}

    public Category {
        examples = List.copyOf(examples);
    }
}
