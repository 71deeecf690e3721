package com.hummdesk.accounts;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNTS;
import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.USERS;

import com.hummdesk.platform.security.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL for accounts, users and memberships. */
final class AccountRepository {

    Optional<User> findUserByEmail(DSLContext tx, String email) {
        return tx.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.PASSWORD_HASH)
                .from(USERS)
                .where(USERS.EMAIL.eq(email.toLowerCase(Locale.ROOT)))
                .fetchOptional(r -> new User(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    Optional<User> findUser(DSLContext tx, long userId) {
        return tx.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.PASSWORD_HASH)
                .from(USERS)
                .where(USERS.ID.eq(userId))
                .fetchOptional(r -> new User(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    long insertUser(DSLContext tx, String email, String name, String passwordHash) {
        return tx.insertInto(USERS, USERS.EMAIL, USERS.NAME, USERS.PASSWORD_HASH)
                .values(email.toLowerCase(Locale.ROOT), name, passwordHash)
                .returning(USERS.ID)
                .fetchSingle(USERS.ID);
    }

    long nextAccountId(DSLContext tx) {
        return tx.select(DSL.field("nextval(pg_get_serial_sequence('accounts', 'id'))", Long.class))
                .fetchSingle()
                .value1();
    }

    void insertAccount(DSLContext tx, long accountId, String name) {
        tx.insertInto(ACCOUNTS, ACCOUNTS.ID, ACCOUNTS.NAME)
                .values(accountId, name)
                .execute();
    }

    void insertMembership(DSLContext tx, long accountId, long userId, Role role) {
        tx.insertInto(ACCOUNT_USERS, ACCOUNT_USERS.ACCOUNT_ID, ACCOUNT_USERS.USER_ID, ACCOUNT_USERS.ROLE)
                .values(accountId, userId, role.name().toLowerCase(Locale.ROOT))
                .execute();
    }

    /** Needs the user scope: row-level security shows a user their own memberships in every account. */
    List<Membership> memberships(DSLContext tx, long userId) {
        return tx.select(ACCOUNTS.ID, ACCOUNTS.NAME, ACCOUNT_USERS.ROLE)
                .from(ACCOUNT_USERS)
                .join(ACCOUNTS)
                .on(ACCOUNTS.ID.eq(ACCOUNT_USERS.ACCOUNT_ID))
                .where(ACCOUNT_USERS.USER_ID.eq(userId))
                .orderBy(ACCOUNTS.ID)
                .fetch(r -> new Membership(
                        r.value1(), r.value2(), Role.valueOf(r.value3().toUpperCase(Locale.ROOT))));
    }
}
