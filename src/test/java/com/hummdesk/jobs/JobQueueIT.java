package com.hummdesk.jobs;

import static com.hummdesk.platform.db.generated.Tables.LABELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Enqueueing is part of the caller's transaction, tenant-scoped, and deduplicates on request. */
class JobQueueIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private final JobTestKit kit = new JobTestKit(app);

    @Test
    void a_rolled_back_transaction_leaves_neither_its_data_nor_its_job() {
        var tenant = Fixtures.tenant(app, "Rollback");
        long account = tenant.accountId();

        assertThatThrownBy(() -> app.app().database().runInAccount(account, tx -> {
                    tx.insertInto(LABELS, LABELS.ACCOUNT_ID, LABELS.NAME)
                            .values(account, "cause")
                            .execute();
                    kit.queue.enqueue(tx, account, "label.created", Map.of("name", "cause"));
                    throw new IllegalStateException("the feature fails after enqueueing");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(kit.jobs(account)).isEmpty();
        assertThat(labelCount(account)).isZero();
    }

    @Test
    void a_committed_transaction_leaves_exactly_one_job_with_its_payload() {
        var tenant = Fixtures.tenant(app, "Commit");
        long account = tenant.accountId();

        long id = app.app().database().inAccount(account, tx -> {
            tx.insertInto(LABELS, LABELS.ACCOUNT_ID, LABELS.NAME)
                    .values(account, "cause")
                    .execute();
            return kit.queue.enqueue(tx, account, "label.created", Map.of("name", "cause"));
        });

        var jobs = kit.jobs(account);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.getFirst().id()).isEqualTo(id);
        assertThat(jobs.getFirst().type()).isEqualTo("label.created");
        assertThat(jobs.getFirst().status()).isEqualTo("queued");
        assertThat(jobs.getFirst().attempts()).isZero();
        assertThat(labelCount(account)).isEqualTo(1);
    }

    @Test
    void a_tenant_transaction_cannot_enqueue_a_job_for_another_account() {
        var mine = Fixtures.tenant(app, "Mine");
        var theirs = Fixtures.tenant(app, "Theirs");

        assertThatThrownBy(() -> app.app()
                        .database()
                        .runInAccount(
                                mine.accountId(),
                                tx -> kit.queue.enqueue(tx, theirs.accountId(), "smuggled", Map.of())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("row-level security");
        assertThat(kit.jobs(theirs.accountId())).isEmpty();
    }

    @Test
    void one_account_does_not_see_another_accounts_jobs_even_without_a_filter() {
        var a = Fixtures.tenant(app, "SeesOwn");
        var b = Fixtures.tenant(app, "Hidden");
        kit.enqueue(a.accountId(), "x.ran", Map.of());
        kit.enqueue(b.accountId(), "x.ran", Map.of());

        int seenByA = app.app().database().inAccount(a.accountId(), tx -> tx.fetchCount(tx.selectFrom("jobs")));
        int seenWithoutAccount = app.app().database().global(tx -> tx.fetchCount(tx.selectFrom("jobs")));

        assertThat(seenByA).isEqualTo(1);
        assertThat(seenWithoutAccount).isZero();
    }

    @Test
    void a_dedupe_key_allows_one_waiting_job_per_type_and_key() {
        var tenant = Fixtures.tenant(app, "Dedupe");
        long account = tenant.accountId();
        var job = NewJob.of("article.reindex", Map.of("articleId", 5)).dedupeKey("article-5");

        var first = app.app().database().inAccount(account, tx -> kit.queue.enqueue(tx, account, job));
        var second = app.app().database().inAccount(account, tx -> kit.queue.enqueue(tx, account, job));
        var otherKey = app.app()
                .database()
                .inAccount(account, tx -> kit.queue.enqueue(tx, account, job.dedupeKey("article-6")));
        var otherType = app.app()
                .database()
                .inAccount(
                        account,
                        tx -> kit.queue.enqueue(
                                tx,
                                account,
                                NewJob.of("article.translate", Map.of()).dedupeKey("article-5")));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(otherKey).isPresent();
        assertThat(otherType).isPresent();
        assertThat(kit.jobs(account)).hasSize(3);
    }

    @Test
    void a_job_may_be_scheduled_for_later() {
        var tenant = Fixtures.tenant(app, "Later");
        long account = tenant.accountId();
        var at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

        app.app()
                .database()
                .inAccount(
                        account,
                        tx -> kit.queue.enqueue(
                                tx, account, NewJob.of("reminder.due", Map.of()).runAt(at)));

        assertThat(kit.jobs(account).getFirst().runAt().toInstant()).isEqualTo(at);
    }

    @Test
    void enqueue_all_inserts_many_jobs_in_one_statement_and_counts_them() {
        var tenant = Fixtures.tenant(app, "Bulk");
        long account = tenant.accountId();
        var jobs = List.of(
                NewJob.of("fanout.a", Map.of("n", 1)),
                NewJob.of("fanout.a", Map.of("n", 2)),
                NewJob.of("fanout.b", Map.of("n", 3)));

        int inserted = app.app().database().inAccount(account, tx -> kit.queue.enqueueAll(tx, account, jobs));

        assertThat(inserted).isEqualTo(3);
        assertThat(kit.jobs(account))
                .extracting(JobTestKit.JobRow::type)
                .containsExactly("fanout.a", "fanout.a", "fanout.b");
        assertThat(kit.meters.counter("jobs.enqueued", "type", "fanout.a").count())
                .isEqualTo(2);
    }

    private long labelCount(long account) {
        return app.app().database().inAccount(account, tx -> tx.fetchCount(LABELS, LABELS.ACCOUNT_ID.eq(account)));
    }
}
