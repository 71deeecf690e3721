package com.hummdesk.jobs;

import static com.hummdesk.jobs.JobRepository.DEAD;
import static com.hummdesk.jobs.JobRepository.FAILED;
import static com.hummdesk.jobs.JobRepository.QUEUED;
import static com.hummdesk.jobs.JobRepository.RUNNING;
import static com.hummdesk.platform.db.generated.Tables.JOBS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads about the queue: one account's counts and dead jobs (admin), and every account's depth (metrics). */
final class JobFinder {
    static final List<String> STATES = List.of(QUEUED, RUNNING, FAILED, DEAD);

    JobCounts counts(DSLContext tx, long accountId) {
        var count = DSL.count();
        var byType = new LinkedHashMap<String, long[]>();
        tx.select(JOBS.TYPE, JOBS.STATUS, count)
                .from(JOBS)
                .where(JOBS.ACCOUNT_ID.eq(accountId))
                .groupBy(JOBS.TYPE, JOBS.STATUS)
                .orderBy(JOBS.TYPE)
                .forEach(r ->
                        byType.computeIfAbsent(r.value1(), t -> new long[STATES.size()])[STATES.indexOf(r.value2())] =
                                r.value3());
        var types = new ArrayList<JobCounts.TypeCounts>();
        var totals = new long[STATES.size()];
        byType.forEach((type, n) -> {
            types.add(new JobCounts.TypeCounts(type, n[0], n[1], n[2], n[3]));
            for (int i = 0; i < n.length; i++) {
                totals[i] += n[i];
            }
        });
        return new JobCounts(totals[0], totals[1], totals[2], totals[3], types);
    }

    /** Newest dead first. */
    List<DeadJob> dead(DSLContext tx, long accountId, int limit) {
        return tx.select(
                        JOBS.ID,
                        JOBS.TYPE,
                        JOBS.PAYLOAD,
                        JOBS.ATTEMPTS,
                        JOBS.LAST_ERROR,
                        JOBS.CREATED_AT,
                        JOBS.UPDATED_AT)
                .from(JOBS)
                .where(JOBS.ACCOUNT_ID.eq(accountId))
                // A literal, so the partial index jobs_dead_idx matches.
                .and(JOBS.STATUS.eq(DSL.inline(DEAD)))
                .orderBy(JOBS.UPDATED_AT.desc(), JOBS.ID.desc())
                .limit(limit)
                .fetch(r -> new DeadJob(
                        r.value1(),
                        r.value2(),
                        Payloads.parse(r.value3().data()),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7()));
    }

    /** Every account's jobs per type and state; needs the worker scope. */
    List<JobMetrics.Depth> depth(DSLContext tx) {
        var count = DSL.count();
        return tx.select(JOBS.TYPE, JOBS.STATUS, count)
                .from(JOBS)
                .groupBy(JOBS.TYPE, JOBS.STATUS)
                .fetch(r -> new JobMetrics.Depth(r.value1(), r.value2(), r.value3()));
    }
}
