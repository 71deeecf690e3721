package com.hummdesk.jobs;

import static com.hummdesk.platform.db.generated.Tables.JOBS;

import com.hummdesk.platform.errors.Conflict;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * SQL of the queue's life cycle. Every write that finishes a claimed job is fenced by the claim (the worker's id in
 * {@code locked_by} and the {@code attempts} it claimed): a worker whose lease expired, and whose job another
 * worker has since claimed, changes nothing. The worker id matters because an admin retry resets attempts.
 */
final class JobRepository {
    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String FAILED = "failed";
    static final String DEAD = "dead";
    static final String CHANNEL = "hummdesk_jobs";
    // Literals, not bind values: the planner matches a partial index's predicate (jobs_due_idx, jobs_dedupe_uk) only
    // against constants, and a generic plan with `status in ($1, $2, $3)` falls back to a sequential scan and sort.
    private static final List<Field<String>> CLAIMABLE =
            List.of(DSL.inline(QUEUED), DSL.inline(FAILED), DSL.inline(RUNNING));
    private static final Field<String> WAITING = DSL.inline(QUEUED);

    /** Inserts one job; empty when its dedupe key matches a job still waiting for its first run. */
    Optional<Long> insert(DSLContext tx, long accountId, NewJob job) {
        return tx.insertInto(JOBS)
                .set(JOBS.ACCOUNT_ID, accountId)
                .set(JOBS.TYPE, job.type())
                .set(JOBS.PAYLOAD, JSON.valueOf(Payloads.toJson(job.payload())))
                .set(JOBS.RUN_AT, runAt(job))
                .set(JOBS.DEDUPE_KEY, job.dedupeKey())
                .onConflict(JOBS.ACCOUNT_ID, JOBS.TYPE, JOBS.DEDUPE_KEY)
                .where(JOBS.STATUS.eq(WAITING))
                .doNothing()
                .returning(JOBS.ID)
                .fetchOptional(JOBS.ID);
    }

    /** Inserts many jobs in one statement; returns the types of those inserted (dedupe hits are skipped). */
    List<String> insertAll(DSLContext tx, long accountId, List<NewJob> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        var insert = tx.insertInto(JOBS, JOBS.ACCOUNT_ID, JOBS.TYPE, JOBS.PAYLOAD, JOBS.RUN_AT, JOBS.DEDUPE_KEY);
        for (var job : jobs) {
            insert = insert.values(
                    DSL.val(accountId),
                    DSL.val(job.type()),
                    DSL.val(JSON.valueOf(Payloads.toJson(job.payload()))),
                    runAt(job),
                    DSL.val(job.dedupeKey()));
        }
        return insert.onConflict(JOBS.ACCOUNT_ID, JOBS.TYPE, JOBS.DEDUPE_KEY)
                .where(JOBS.STATUS.eq(WAITING))
                .doNothing()
                .returning(JOBS.TYPE)
                .fetch(JOBS.TYPE);
    }

    /**
     * Claims up to {@code limit} due jobs of the given types: queued, retry due, or running with an expired lease
     * (its worker died). SKIP LOCKED lets concurrent claimers pass each other's rows instead of queueing on them;
     * the claimed rows become {@code running} with a lease of {@code lease} from now. The due rows are picked in a
     * MATERIALIZED CTE, evaluated exactly once: as a plain subquery the planner may rescan it (the inner side of a
     * nested loop), and with SKIP LOCKED every rescan locks other rows, claiming more than {@code limit}.
     */
    List<Claim> claim(DSLContext tx, Collection<String> types, int limit, Duration lease, String workerId) {
        var due = DSL.name("due")
                .asMaterialized(DSL.select(JOBS.ACCOUNT_ID, JOBS.ID, JOBS.STATUS, JOBS.RUN_AT)
                        .from(JOBS)
                        .where(JOBS.STATUS.in(CLAIMABLE))
                        .and(JOBS.RUN_AT.le(DSL.currentOffsetDateTime()))
                        .and(JOBS.TYPE.in(types))
                        .orderBy(JOBS.RUN_AT)
                        .limit(limit)
                        .forUpdate()
                        .skipLocked());
        var previousStatus = due.field(JOBS.STATUS).as("previous_status");
        var waitedMillis = DSL.field(
                        "(extract(epoch from clock_timestamp() - {0}) * 1000)::bigint",
                        SQLDataType.BIGINT, due.field(JOBS.RUN_AT))
                .as("waited_millis");
        return tx.with(due)
                .update(JOBS)
                .set(JOBS.STATUS, RUNNING)
                .set(JOBS.ATTEMPTS, JOBS.ATTEMPTS.plus(1))
                .set(JOBS.RUN_AT, fromNow(lease))
                .set(JOBS.LOCKED_BY, workerId)
                .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                .from(due)
                .where(JOBS.ACCOUNT_ID.eq(due.field(JOBS.ACCOUNT_ID)))
                .and(JOBS.ID.eq(due.field(JOBS.ID)))
                .returningResult(
                        JOBS.ID,
                        JOBS.ACCOUNT_ID,
                        JOBS.TYPE,
                        JOBS.PAYLOAD,
                        JOBS.ATTEMPTS,
                        JOBS.CREATED_AT,
                        previousStatus,
                        waitedMillis)
                .fetch(r -> new Claim(
                        new Job(
                                r.value1(),
                                r.value2(),
                                r.value3(),
                                Payloads.parse(r.value4().data()),
                                r.value5(),
                                r.value6()),
                        RUNNING.equals(r.value7()),
                        Duration.ofMillis(Math.max(0, r.value8()))));
    }

    /**
     * Success: the jobs are done and leave the table; returns how many were still this worker's claim. Arrays keep
     * the statement's text the same whatever the batch size, so it stays one prepared statement. No status
     * predicate (the claim fence suffices: only the claimer moves a running job): one made the planner walk the
     * account's running jobs per finished job, quadratic in the batch.
     */
    int deleteAll(DSLContext tx, String workerId, List<Job> jobs) {
        var accounts = jobs.stream().map(Job::accountId).toArray(Long[]::new);
        var ids = jobs.stream().map(Job::id).toArray(Long[]::new);
        var attempts = jobs.stream().map(Job::attempt).toArray(Integer[]::new);
        var done = DSL.table("unnest({0}::bigint[], {1}::bigint[], {2}::int[])", accounts, ids, attempts)
                .as("done", "account_id", "id", "attempts");
        // Named explicitly: jOOQ knows no columns of a plain SQL table, and eq(null) would render IS NULL.
        return tx.deleteFrom(JOBS)
                .using(done)
                .where(JOBS.ACCOUNT_ID.eq(DSL.field(DSL.name("done", "account_id"), Long.class)))
                .and(JOBS.ID.eq(DSL.field(DSL.name("done", "id"), Long.class)))
                .and(JOBS.ATTEMPTS.eq(DSL.field(DSL.name("done", "attempts"), Integer.class)))
                .and(JOBS.LOCKED_BY.eq(workerId))
                .execute();
    }

    /** A failed attempt with attempts left: due again after {@code delay}. */
    boolean retryLater(DSLContext tx, String workerId, Job job, Duration delay, String error) {
        return tx.update(JOBS)
                        .set(JOBS.STATUS, FAILED)
                        .set(JOBS.RUN_AT, fromNow(delay))
                        .set(JOBS.LAST_ERROR, error)
                        .setNull(JOBS.LOCKED_BY)
                        .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                        .where(claimed(workerId, job))
                        .execute()
                == 1;
    }

    /** Out of attempts: kept as dead, with the last error, until an admin retries it. */
    boolean bury(DSLContext tx, String workerId, Job job, String error) {
        return tx.update(JOBS)
                        .set(JOBS.STATUS, DEAD)
                        .set(JOBS.LAST_ERROR, error)
                        .setNull(JOBS.LOCKED_BY)
                        .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                        .where(claimed(workerId, job))
                        .execute()
                == 1;
    }

    /**
     * The heartbeat (every third of a lease): renews the lease of this worker's running jobs once a third of it has
     * passed, so a renewal is never later than two thirds in. Each renewal writes a new row version, so jobs claimed
     * moments ago are left alone.
     */
    int extendLeases(DSLContext tx, String workerId, Duration lease) {
        return tx.update(JOBS)
                .set(JOBS.RUN_AT, fromNow(lease))
                .where(JOBS.STATUS.eq(RUNNING))
                .and(JOBS.LOCKED_BY.eq(workerId))
                .and(JOBS.RUN_AT.lt(fromNow(lease.multipliedBy(2).dividedBy(3))))
                .execute();
    }

    /**
     * Dead to queued with a fresh set of attempts; false when the job is not dead. A job with a dedupe key whose twin
     * is already queued would only repeat it: that is a conflict.
     */
    boolean requeueDead(DSLContext tx, long accountId, long jobId) {
        try {
            return requeue(tx, accountId, jobId);
        } catch (IntegrityConstraintViolationException e) {
            throw new Conflict("duplicate_job", "A job of the same type and dedupe key is already queued.");
        }
    }

    private static boolean requeue(DSLContext tx, long accountId, long jobId) {
        return tx.update(JOBS)
                        .set(JOBS.STATUS, QUEUED)
                        .set(JOBS.ATTEMPTS, 0)
                        .set(JOBS.RUN_AT, DSL.currentOffsetDateTime())
                        .set(JOBS.UPDATED_AT, DSL.currentOffsetDateTime())
                        .where(JOBS.ACCOUNT_ID.eq(accountId))
                        .and(JOBS.ID.eq(jobId))
                        .and(JOBS.STATUS.eq(DEAD))
                        .execute()
                == 1;
    }

    Optional<String> status(DSLContext tx, long accountId, long jobId) {
        return tx.select(JOBS.STATUS)
                .from(JOBS)
                .where(JOBS.ACCOUNT_ID.eq(accountId))
                .and(JOBS.ID.eq(jobId))
                .fetchOptional(JOBS.STATUS);
    }

    /** Wakes listening workers when the transaction commits (inserts notify through the table's trigger). */
    void notifyWorkers(DSLContext tx) {
        tx.fetch("select pg_notify(?, '')", CHANNEL);
    }

    private static Condition claimed(String workerId, Job job) {
        return JOBS.ACCOUNT_ID
                .eq(job.accountId())
                .and(JOBS.ID.eq(job.id()))
                .and(JOBS.STATUS.eq(RUNNING))
                .and(JOBS.ATTEMPTS.eq(job.attempt()))
                .and(JOBS.LOCKED_BY.eq(workerId));
    }

    /** The database's clock, not this node's: every node agrees on when a job is due. */
    private static Field<OffsetDateTime> fromNow(Duration duration) {
        return DSL.field(
                "clock_timestamp() + {0} * interval '1 millisecond'",
                SQLDataType.TIMESTAMPWITHTIMEZONE, DSL.val(duration.toMillis()));
    }

    private static Field<OffsetDateTime> runAt(NewJob job) {
        return job.runAt() == null
                ? DSL.currentOffsetDateTime()
                : DSL.val(job.runAt().atOffset(ZoneOffset.UTC));
    }
}
