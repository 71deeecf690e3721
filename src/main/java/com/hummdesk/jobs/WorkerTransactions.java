package com.hummdesk.jobs;

import com.hummdesk.platform.db.Database;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Transactions of the queue machinery. They set {@code app.worker} (local to the transaction), which the jobs
 * table's {@code queue_worker} policy requires to see every account's jobs; see V5__jobs.sql for why.
 */
final class WorkerTransactions {
    private final Database db;

    WorkerTransactions(Database db) {
        this.db = db;
    }

    <T> T run(Function<DSLContext, T> work) {
        return db.global(tx -> {
            tx.fetch("select set_config('app.worker', 'on', true)");
            return work.apply(tx);
        });
    }
}
