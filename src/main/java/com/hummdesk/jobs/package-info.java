/**
 * The durable job queue in PostgreSQL. A feature enqueues a job with {@link com.hummdesk.jobs.JobQueue} inside the
 * transaction that causes it; {@link com.hummdesk.jobs.JobWorker}s on every node claim due jobs with {@code FOR
 * UPDATE SKIP LOCKED}, wake at once on {@code LISTEN/NOTIFY}, run them with bounded concurrency, retry failures with
 * exponential backoff and jitter, bury jobs out of attempts as {@code dead}, and re-run jobs whose worker died
 * (lease expiry). Delivery is at least once, so every {@link com.hummdesk.jobs.JobHandler} must be idempotent.
 * Admins see their account's queue under {@code /api/admin/jobs}.
 *
 * <p>Depends only on {@code platform}.
 */
package com.hummdesk.jobs;
