package com.hummdesk.drafts;

/** The payload of an {@code ai.draft} job: the customer message to draft a reply to, and its conversation. */
public record DraftJobPayload(long conversationId, long messageId) {
    public static final String JOB_TYPE = "ai.draft";
}
