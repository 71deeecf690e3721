package com.hummdesk.ai.pipeline;

/**
 * Job payloads of the pipeline. {@code ai.classify} is enqueued with every customer message; {@code ai.draft}
 * with every stored pipeline classification (its handler belongs to the drafts feature).
 */
record ClassifyJob(long messageId, long conversationId) {
    static final String TYPE = "ai.classify";

    record Draft(long conversationId, long messageId) {
        static final String TYPE = "ai.draft";
    }
}
