package com.hummdesk.jobs;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.security.CurrentUser;
import java.util.List;

/** What an account's admins see and do with its jobs. Agents get 403; other accounts' jobs do not exist (404). */
final class JobAdminService {
    private final Database db;
    private final JobRepository repository = new JobRepository();
    private final JobFinder finder = new JobFinder();

    JobAdminService(Database db) {
        this.db = db;
    }

    JobCounts counts(CurrentUser user) {
        user.requireManager();
        return db.inAccount(user.accountId(), tx -> finder.counts(tx, user.accountId()));
    }

    List<DeadJob> dead(CurrentUser user, int limit) {
        user.requireManager();
        return db.inAccount(user.accountId(), tx -> finder.dead(tx, user.accountId(), limit));
    }

    /** A dead job back to queued with a fresh set of attempts; it runs as soon as a worker is free. */
    void retry(CurrentUser user, long jobId) {
        user.requireManager();
        db.runInAccount(user.accountId(), tx -> {
            var status = repository
                    .status(tx, user.accountId(), jobId)
                    .orElseThrow(() -> new NotFound("not_found", "No such job."));
            if (!JobRepository.DEAD.equals(status)) {
                throw new Conflict("job_not_dead", "Only dead jobs can be retried; this one is " + status + ".");
            }
            if (!repository.requeueDead(tx, user.accountId(), jobId)) {
                // Two admins retried it at once, and the other one was first.
                throw new Conflict("job_not_dead", "Only dead jobs can be retried; this one was just requeued.");
            }
            repository.notifyWorkers(tx);
        });
    }
}
