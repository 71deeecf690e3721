package com.hummdesk.drafts;

import com.hummdesk.jobs.Job;
import com.hummdesk.jobs.JobHandler;

/**
 * Runs {@code ai.draft} jobs ({@link DraftJobPayload}), which the AI pipeline enqueues in the transaction that
 * stores a classification. Idempotent: a message that already has its pipeline draft gets no second one.
 */
final class DraftJobHandler implements JobHandler {
    private final DraftService drafts;

    DraftJobHandler(DraftService drafts) {
        this.drafts = drafts;
    }

    @Override
    public String type() {
        return DraftJobPayload.JOB_TYPE;
    }

    @Override
    public void handle(Job job) {
        var payload = job.payloadAs(DraftJobPayload.class);
        drafts.draftForMessage(job.accountId(), payload.conversationId(), payload.messageId());
    }
}
