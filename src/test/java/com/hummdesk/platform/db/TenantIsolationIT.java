package com.hummdesk.platform.db;

import static com.hummdesk.platform.db.generated.Tables.CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.List;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Row-level security is a second wall: even a query that forgets its account filter sees only one account. */
class TenantIsolationIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void a_query_without_account_filter_sees_only_the_transactions_account() {
        var a = Fixtures.tenant(app, "Alpha");
        var b = Fixtures.tenant(app, "Beta");
        var db = app.app().database();
        db.runInAccount(a.accountId(), tx -> {
            tx.insertInto(CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME)
                    .values(a.accountId(), "alpha customer")
                    .execute();
        });
        db.runInAccount(b.accountId(), tx -> {
            tx.insertInto(CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME)
                    .values(b.accountId(), "beta customer")
                    .execute();
        });

        // Deliberately no WHERE account_id: the policy alone must hide account B's rows.
        List<String> seenByA = db.inAccount(
                a.accountId(), tx -> tx.select(CONTACTS.NAME).from(CONTACTS).fetch(CONTACTS.NAME));
        List<String> seenByB = db.inAccount(
                b.accountId(), tx -> tx.fetch("select name from contacts").getValues(0, String.class));

        assertThat(seenByA).containsExactly("alpha customer");
        assertThat(seenByB).containsExactly("beta customer");
    }

    @Test
    void no_account_set_means_no_tenant_rows_at_all() {
        var a = Fixtures.tenant(app, "Gamma");
        app.app().database().runInAccount(a.accountId(), tx -> {
            tx.insertInto(CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME)
                    .values(a.accountId(), "gamma customer")
                    .execute();
        });

        var seen = app.app().database().global(tx -> tx.fetchCount(CONTACTS));
        assertThat(seen).isZero();
    }

    @Test
    void the_setting_does_not_leak_to_the_next_transaction_on_a_pooled_connection() {
        var a = Fixtures.tenant(app, "Delta");
        var db = app.app().database();
        db.runInAccount(a.accountId(), tx -> {
            tx.insertInto(CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME)
                    .values(a.accountId(), "delta")
                    .execute();
        });
        for (int i = 0; i < 20; i++) {
            String setting = db.global(tx -> tx.fetchOne("select current_setting('app.account_id', true)")
                    .get(0, String.class));
            assertThat(setting).isIn(null, "");
        }
    }

    @Test
    void writing_a_row_for_another_account_is_refused() {
        var a = Fixtures.tenant(app, "Epsilon");
        var b = Fixtures.tenant(app, "Zeta");
        assertThatThrownBy(() -> app.app().database().runInAccount(a.accountId(), tx -> {
                    tx.insertInto(CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME)
                            .values(b.accountId(), "smuggled")
                            .execute();
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("row-level security");
    }

    @Test
    void the_application_role_is_neither_superuser_nor_owner_nor_exempt_from_policies() {
        var role = app.app()
                .database()
                .global(tx -> tx.fetchOne(
                        "select rolsuper, rolbypassrls, current_user from pg_roles where rolname = current_user"));
        assertThat(role.get(0, Boolean.class)).isFalse();
        assertThat(role.get(1, Boolean.class)).isFalse();
        int owned = app.app().database().global(tx -> tx.fetchOne(
                        "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                .get(0, Integer.class));
        assertThat(owned).isZero();
        var forced = app.app().database().global(tx -> tx.fetch(
                        "select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace"
                                + " and relname <> 'flyway_schema_history' and relname not in ('users', 'refresh_tokens')"
                                + " and not (relrowsecurity and relforcerowsecurity)")
                .getValues(0, String.class));
        assertThat(forced).as("tenant tables without forced row-level security").isEmpty();
    }
}
