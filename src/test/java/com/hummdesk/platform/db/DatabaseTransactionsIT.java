package com.hummdesk.platform.db;

import static com.hummdesk.platform.db.generated.Tables.CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import com.hummdesk.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.core.BaseConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a transaction asks of its connection: BEGIN rides with the first statement, then COMMIT or ROLLBACK, and
 * nothing else (jOOQ's transaction provider asked for the isolation level, a SHOW round trip per transaction).
 */
class DatabaseTransactionsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** pgjdbc's transaction state each time the connection is asked to commit. */
    private final List<String> commitStates = new CopyOnWriteArrayList<>();

    @Test
    void a_transaction_is_its_statements_and_a_commit() {
        var db = new Database(watched());
        var one = db.inAccount(1, tx -> tx.fetchOne("select 1").get(0, Integer.class));

        assertThat(one).isEqualTo(1);
        assertThat(calls)
                .containsExactly("setAutoCommit", "prepareStatement", "prepareStatement", "commit", "close")
                .doesNotContain("getTransactionIsolation", "setTransactionIsolation", "setReadOnly");
    }

    @Test
    void a_failure_rolls_back_and_reaches_the_caller() {
        var tenant = Fixtures.tenant(app, "Rollback");
        var db = new Database(watched());
        var failure = new IllegalStateException("changed my mind");

        assertThatThrownBy(() -> db.runInAccount(tenant.accountId(), tx -> {
                    tx.insertInto(CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME)
                            .values(tenant.accountId(), "never stored")
                            .execute();
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(calls).contains("rollback").doesNotContain("commit");
        int stored = db.inAccount(tenant.accountId(), tx -> tx.fetchCount(CONTACTS, CONTACTS.NAME.eq("never stored")));
        assertThat(stored).isZero();
    }

    @Test
    void the_scope_and_a_write_left_for_later_travel_with_the_next_statement() {
        var tenant = Fixtures.tenant(app, "Pipelined");
        var db = new Database(watched());
        long trips = StatementCounter.INSTANCE.roundTrips();
        long seen = db.inAccount(tenant.accountId(), tx -> {
            Jdbc.later(tx, "insert into contacts (account_id, name) values (?, 'left for later')", tenant.accountId());
            return Jdbc.first(tx, "select count(*) from contacts where name = 'left for later'", row -> row.getLong(1))
                    .orElseThrow();
        });

        assertThat(seen)
                .as("the write ran before the query, in the account's scope")
                .isEqualTo(1);
        assertThat(StatementCounter.INSTANCE.roundTrips() - trips)
                .as("scope + write + query, then COMMIT")
                .isEqualTo(2);
        assertThat(calls).containsExactly("setAutoCommit", "prepareStatement", "commit", "close");
        assertThat(commitStates).containsExactly("OPEN");
    }

    @Test
    void a_write_left_for_later_travels_with_the_commit() {
        var tenant = Fixtures.tenant(app, "Pipelined commit");
        var db = new Database(watched());
        long trips = StatementCounter.INSTANCE.roundTrips();
        db.runInAccount(tenant.accountId(), tx -> {
            Jdbc.first(tx, "select 1", row -> row.getInt(1));
            Jdbc.later(tx, "insert into contacts (account_id, name) values (?, 'with the commit')", tenant.accountId());
        });

        assertThat(StatementCounter.INSTANCE.roundTrips() - trips).isEqualTo(2);
        assertThat(commitStates)
                .as("the COMMIT that travelled with the write ended the transaction; pgjdbc's commit sent nothing")
                .containsExactly("IDLE");
        int stored =
                db.inAccount(tenant.accountId(), tx -> tx.fetchCount(CONTACTS, CONTACTS.NAME.eq("with the commit")));
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void a_query_left_for_later_runs_with_the_commit_and_what_follows_it_sees_its_effect() {
        var tenant = Fixtures.tenant(app, "Pipelined query");
        var db = new Database(watched());
        long trips = StatementCounter.INSTANCE.roundTrips();
        var unread = new Object() {
            Pending<?> pending;
        };
        var inserted = db.inAccount(tenant.accountId(), tx -> {
            var id = Jdbc.laterFirst(
                    tx,
                    "insert into contacts (account_id, name) values (?, 'queried later') returning id",
                    row -> row.getLong(1),
                    tenant.accountId());
            unread.pending = id;
            assertThatThrownBy(id::get).isInstanceOf(IllegalStateException.class);
            Jdbc.later(
                    tx,
                    "update contacts set email = 'seen@example.com' where account_id = ? and name = 'queried later'",
                    tenant.accountId());
            var none = Jdbc.laterFirst(tx, "select id from contacts where name = 'nobody at all'", row -> 1);
            return List.of(id, none);
        });

        assertThat(StatementCounter.INSTANCE.roundTrips() - trips)
                .as("scope + insert + update + select + COMMIT in one")
                .isEqualTo(1);
        assertThat(commitStates).containsExactly("IDLE");
        assertThat(unread.pending).isSameAs(inserted.get(0));
        long id = (Long) inserted.get(0).get().orElseThrow();
        assertThat(inserted.get(1).get()).isEmpty();
        var stored = db.inAccount(tenant.accountId(), tx -> tx.select(CONTACTS.ID, CONTACTS.EMAIL)
                .from(CONTACTS)
                .where(CONTACTS.NAME.eq("queried later"))
                .fetchOne());
        assertThat(stored.value1()).isEqualTo(id);
        assertThat(stored.value2()).as("the update after it saw its row").isEqualTo("seen@example.com");
    }

    @Test
    void a_failing_write_left_for_later_fails_its_transaction() {
        var tenant = Fixtures.tenant(app, "Pipelined failure");
        var db = new Database(watched());

        assertThatThrownBy(() -> db.runInAccount(tenant.accountId(), tx -> {
                    tx.insertInto(CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME)
                            .values(tenant.accountId(), "rolled back with it")
                            .execute();
                    Jdbc.later(tx, "insert into contacts (account_id, name) values (?, null)", tenant.accountId());
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("null value");
        assertThat(calls).contains("rollback");
        int stored = db.inAccount(
                tenant.accountId(), tx -> tx.fetchCount(CONTACTS, CONTACTS.NAME.eq("rolled back with it")));
        assertThat(stored).isZero();
    }

    @Test
    void a_scope_no_statement_needed_is_never_sent() {
        var db = new Database(watched());
        long trips = StatementCounter.INSTANCE.roundTrips();
        String result = db.inAccount(42, tx -> "nothing sent");

        assertThat(result).isEqualTo("nothing sent");
        assertThat(calls).containsExactly("setAutoCommit", "commit", "close");
        assertThat(StatementCounter.INSTANCE.roundTrips() - trips).isZero();
    }

    @Test
    void a_read_sends_the_scope_with_each_statement_and_no_commit() {
        var tenant = Fixtures.tenant(app, "Read");
        var other = Fixtures.tenant(app, "Read other");
        for (var account : List.of(tenant, other)) {
            app.app().database().runInAccount(account.accountId(), tx -> tx.insertInto(
                            CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME)
                    .values(account.accountId(), "read me")
                    .execute());
        }
        var db = new Database(watched());
        long trips = StatementCounter.INSTANCE.roundTrips();
        var seen = db.read(
                Scope.account(tenant.accountId()),
                tx -> List.of(
                        Jdbc.first(tx, "select count(*) from contacts where name = 'read me'", row -> row.getLong(1))
                                .orElseThrow(),
                        Jdbc.first(
                                        tx,
                                        "select cast(current_setting('app.account_id') as bigint)",
                                        row -> row.getLong(1))
                                .orElseThrow()));

        assertThat(seen)
                .as("row-level security saw the scope in both statements")
                .containsExactly(1L, tenant.accountId());
        assertThat(StatementCounter.INSTANCE.roundTrips() - trips).isEqualTo(2);
        assertThat(calls).containsExactly("setAutoCommit", "prepareStatement", "prepareStatement", "close");
        String after = db.global(tx ->
                tx.fetchOne("select current_setting('app.account_id', true)").get(0, String.class));
        assertThat(after).isIn(null, "");
    }

    @Test
    void a_read_cannot_write() {
        var tenant = Fixtures.tenant(app, "Read only");
        var db = new Database(watched());

        assertThatThrownBy(() -> db.read(
                        Scope.account(tenant.accountId()),
                        tx -> Jdbc.update(
                                tx,
                                "insert into contacts (account_id, name) values (?, 'written by a read')",
                                tenant.accountId())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("read-only transaction");
        assertThatThrownBy(() -> db.read(Scope.account(tenant.accountId()), tx -> {
                    Jdbc.later(tx, "insert into contacts (account_id, name) values (?, 'later')", tenant.accountId());
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.read(Scope.account(tenant.accountId()).locking("k"), tx -> null))
                .isInstanceOf(IllegalArgumentException.class);
        int stored = db.inAccount(tenant.accountId(), tx -> tx.fetchCount(CONTACTS));
        assertThat(stored).isZero();
    }

    @Test
    void a_read_that_runs_a_jooq_statement_continues_as_a_transaction() {
        var tenant = Fixtures.tenant(app, "Read into transaction");
        var db = new Database(watched());
        var seen = db.read(
                Scope.account(tenant.accountId()),
                tx -> List.of(
                        Jdbc.first(tx, "select current_setting('app.account_id')", row -> row.getString(1))
                                .orElseThrow(),
                        tx.fetchOne("select current_setting('app.account_id')").get(0, String.class),
                        tx.fetchOne("select current_setting('transaction_read_only')")
                                .get(0, String.class),
                        Jdbc.first(tx, "select current_setting('app.account_id')", row -> row.getString(1))
                                .orElseThrow()));

        var account = Long.toString(tenant.accountId());
        assertThat(seen).containsExactly(account, account, "on", account);
        assertThat(calls).containsSubsequence("setAutoCommit", "setAutoCommit", "commit");
    }

    @Test
    void the_scope_is_local_to_its_transaction() {
        var db = new Database(watched());
        String inside = db.inAccount(42, tx -> tx.fetchOne("select current_setting('app.account_id', true)")
                .get(0, String.class));
        String after = db.global(tx ->
                tx.fetchOne("select current_setting('app.account_id', true)").get(0, String.class));
        assertThat(inside).isEqualTo("42");
        assertThat(after).isIn(null, "");
    }

    @Test
    void settings_ride_with_the_scope_in_one_statement_and_end_with_the_transaction() {
        var db = new Database(watched());
        var scope = Scope.account(42).with("work_mem", "1234kB").with("app.example", "x");
        String inside = db.transaction(scope, tx -> tx.fetchOne(
                        "select current_setting('app.account_id') || ' ' || current_setting('work_mem') || ' '"
                                + " || current_setting('app.example')")
                .get(0, String.class));
        String after = db.global(tx -> tx.fetchOne("select current_setting('work_mem') || ' '"
                        + " || coalesce(current_setting('app.example', true), '')")
                .get(0, String.class));

        assertThat(inside).isEqualTo("42 1234kB x");
        assertThat(after).doesNotContain("1234kB").doesNotContain("x");
        assertThat(calls.subList(0, 4))
                .containsExactly("setAutoCommit", "prepareStatement", "prepareStatement", "commit");
    }

    @Test
    void a_locking_scope_holds_its_advisory_lock_from_the_first_statement_until_the_transaction_ends()
            throws Exception {
        var db = new Database(watched());
        var scope = Scope.account(42).locking("test:one-at-a-time");
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newSingleThreadExecutor()) {
            var first = pool.submit(() -> db.transaction(scope, tx -> {
                // The scope's statement travelled with this one and took the lock.
                int one = Jdbc.first(tx, "select 1", row -> row.getInt(1)).orElseThrow();
                holding.countDown();
                await(release);
                return one;
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            var taken = db.global(
                    tx -> tx.fetchOne("select pg_try_advisory_xact_lock(hashtextextended('test:one-at-a-time', 0))")
                            .get(0, Boolean.class));
            var otherKey =
                    db.global(tx -> tx.fetchOne("select pg_try_advisory_xact_lock(hashtextextended('test:another', 0))")
                            .get(0, Boolean.class));
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            var free = db.global(
                    tx -> tx.fetchOne("select pg_try_advisory_xact_lock(hashtextextended('test:one-at-a-time', 0))")
                            .get(0, Boolean.class));

            assertThat(taken).as("held by the first transaction").isFalse();
            assertThat(otherKey).isTrue();
            assertThat(free).as("released at its commit").isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Connections to the test database as the application role, each call on them recorded by method name (but
     * metadata reads).
     */
    private DataSource watched() {
        var url = TestDatabases.appUrl(app.databaseName());
        var plain = new PGSimpleDataSource();
        plain.setURL(url.jdbcUrl());
        plain.setUser(url.user());
        plain.setPassword(url.password());
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    var result = invoke(method, plain, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(
                                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    // jOOQ reads the metadata once per JVM to check the server's version; whether
                                    // that happens in this test is up to the test order.
                                    if (!m.getName().equals("getMetaData")) {
                                        calls.add(m.getName());
                                    }
                                    if (m.getName().equals("commit")) {
                                        commitStates.add(connection
                                                .unwrap(BaseConnection.class)
                                                .getTransactionState()
                                                .name());
                                    }
                                    return invoke(m, connection, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
