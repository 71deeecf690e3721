package com.hummdesk.knowledge;

/** One passage of an article: its position, the heading path it sits under, and its plain text. */
record Chunk(int ordinal, String heading, String content) {

    /**
     * The text given to the encoder and the full-text index. The title and heading go first because MiniLM reads
     * only the first 128 word-pieces and a passage often does not name its own subject ("Click Submit and wait").
     */
    String embeddingText(String title) {
        var sb = new StringBuilder(title);
        if (!heading.isEmpty()) {
            sb.append(". ").append(heading);
        }
        if (!content.isEmpty()) {
            sb.append(". ").append(content);
        }
        return sb.toString();
    }
}
