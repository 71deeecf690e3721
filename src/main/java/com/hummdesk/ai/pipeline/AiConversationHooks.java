package com.hummdesk.ai.pipeline;

import com.hummdesk.conversations.ConversationHooks;
import com.hummdesk.jobs.JobQueue;
import com.hummdesk.platform.errors.Unprocessable;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The pipeline's part of the conversations feature's transactions: every customer message gets its classify job
 * (no message without its job, no job without its message), and an agent's category change becomes a training
 * example and a counted correction, committed with the change itself.
 */
final class AiConversationHooks implements ConversationHooks {
    /** Longer examples teach little more and slow every retraining. */
    static final int MAX_EXAMPLE = 2_000;

    private final JobQueue jobs;
    private final AccountAi accounts;
    private final AiMetrics metrics;
    private final CategoryRepository categories = new CategoryRepository();
    private final ClassificationRepository classifications = new ClassificationRepository();
    private final TriageFinder finder = new TriageFinder();

    AiConversationHooks(JobQueue jobs, AccountAi accounts, AiMetrics metrics) {
        this.jobs = jobs;
        this.accounts = accounts;
        this.metrics = metrics;
    }

    @Override
    public void customerMessageStored(DSLContext tx, long accountId, long conversationId, long messageId) {
        jobs.enqueue(tx, accountId, ClassifyJob.TYPE, new ClassifyJob(messageId, conversationId));
    }

    @Override
    public void categoryChanged(
            DSLContext tx, long accountId, long conversationId, long agentUserId, String from, String to) {
        accounts.ensureSeeded(tx, accountId);
        var categoryId = categories.idByName(tx, accountId, to);
        if (categoryId.isEmpty()) {
            throw new Unprocessable(
                    "validation_failed",
                    "Some fields are invalid: category",
                    Map.of(
                            "fields",
                            Map.of(
                                    "category",
                                    "is not one of the account's categories: "
                                            + String.join(", ", categories.names(tx, accountId)))));
        }
        var message = finder.latestCustomerMessage(tx, accountId, conversationId);
        message.filter(m -> !m.content().isBlank())
                .ifPresent(m ->
                        categories.learn(tx, accountId, categoryId.get(), m.id(), example(m.content()), agentUserId));
        classifications.insertCorrection(
                tx,
                accountId,
                conversationId,
                message.map(TriageFinder.Message::id).orElse(null),
                from,
                to,
                agentUserId);
        metrics.corrected();
    }

    private static String example(String text) {
        var trimmed = text.strip();
        return trimmed.length() <= MAX_EXAMPLE ? trimmed : trimmed.substring(0, MAX_EXAMPLE);
    }
}
