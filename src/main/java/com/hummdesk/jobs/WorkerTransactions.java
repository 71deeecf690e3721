package com.hummdesk.jobs;

import com.hummdesk.platform.db.Database;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Transactions of the queue machinery (claim, finish, retry, bury, heartbeat, depth), with settings local to each,
 * set in the same single statement:
 *
 * <ul>
 *   <li>{@code app.worker = on}, which the jobs table's {@code queue_worker} policy requires to see every account's
 *       jobs (see V5__jobs.sql for why);
 *   <li>{@code synchronous_commit = off}: the commit does not wait for the WAL to reach the disk (about 3 ms per
 *       commit on the benchmark machine). Losing such a commit in a database crash only takes a job back to an
 *       earlier state (queued, or running under a lease that will expire), so it runs again, which at-least-once
 *       delivery allows. The enqueue stays in the feature's synchronous transaction: a job that exists is durable;
 *   <li>{@code enable_bitmapscan = off, enable_sort = off}: the claim must walk {@code jobs_due_idx} in order and stop
 *       after its batch. A queue table's statistics are always stale (or absent after a deploy); with them the
 *       planner has been measured choosing a bitmap scan of every due row plus a sort, 160 ms instead of 1 ms per
 *       claim on 20,000 due jobs. The other worker statements are primary-key lookups and small scans, which these
 *       settings leave alone.
 * </ul>
 */
final class WorkerTransactions {
    private final Database db;

    WorkerTransactions(Database db) {
        this.db = db;
    }

    <T> T run(Function<DSLContext, T> work) {
        return db.global(tx -> {
            tx.fetch("select set_config('app.worker', 'on', true), set_config('synchronous_commit', 'off', true),"
                    + " set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)");
            return work.apply(tx);
        });
    }
}
