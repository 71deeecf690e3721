package com.hummdesk.jobs;

/**
 * Runs the jobs of one type. Register it on the {@link JobWorker} of every node.
 *
 * <p><b>Handlers must be idempotent.</b> Delivery is at least once: a worker that dies after the handler's effect
 * but before it records success (crash, deploy past the drain timeout, lost connection) leaves the job to run
 * again on another worker once its lease expires. Key every effect by something stable, e.g. insert with the job
 * id or the causing message id and {@code ON CONFLICT DO NOTHING}, or check-then-act inside one transaction.
 *
 * <p>A job belongs to an account: do the work inside {@code db.inAccount(job.accountId(), tx -> ...)} so row-level
 * security scopes it. Throwing fails this attempt; it is retried per {@link #retryPolicy()} and, out of attempts,
 * kept as {@code dead} with the error for an admin to inspect and retry. Do not call external services inside a
 * database transaction.
 */
public interface JobHandler {

    /** The job type this handler runs, e.g. {@code "conversation.summarize"}. */
    String type();

    void handle(Job job) throws Exception;

    default RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT;
    }
}
