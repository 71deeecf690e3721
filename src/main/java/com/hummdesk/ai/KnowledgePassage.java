package com.hummdesk.ai;

import java.util.Objects;

/** One retrieved knowledge-base chunk offered to a draft: its article, the chunk text and its retrieval score. */
public record KnowledgePassage(long articleId, long chunkId, String title, String text, double score) {
    public KnowledgePassage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
