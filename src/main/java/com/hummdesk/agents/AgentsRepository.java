package com.hummdesk.agents;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.USERS;

import com.hummdesk.platform.errors.Enums;
import com.hummdesk.platform.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;

/** SQL for memberships (account_users) and the users the agents feature invites or renames. */
final class AgentsRepository {

    /** What the role rules need to know about a member. */
    record Member(long userId, Role role) {}

    /** Column changes of a membership; null leaves a column as it is. */
    record MembershipChanges(
            Role role, Availability availability, Integer maxConcurrent, List<String> skills, List<String> languages) {}

    Optional<Member> member(DSLContext tx, long accountId, long userId) {
        return tx.select(ACCOUNT_USERS.USER_ID, ACCOUNT_USERS.ROLE)
                .from(ACCOUNT_USERS)
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.USER_ID.eq(userId))
                .fetchOptional(
                        r -> new Member(r.value1(), Role.valueOf(r.value2().toUpperCase(Locale.ROOT))));
    }

    /**
     * Counts the owners and locks their rows: of two owners demoting or removing each other at once, the second
     * waits, then sees one owner fewer, so the account never ends up without one.
     */
    int lockOwners(DSLContext tx, long accountId) {
        return tx.select(ACCOUNT_USERS.USER_ID)
                .from(ACCOUNT_USERS)
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.ROLE.eq(Enums.wire(Role.OWNER)))
                .forUpdate()
                .fetch()
                .size();
    }

    Optional<Long> userIdByEmail(DSLContext tx, String email) {
        return tx.select(USERS.ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchOptional(USERS.ID);
    }

    long insertUser(DSLContext tx, String email, String name, String passwordHash) {
        return tx.insertInto(USERS)
                .set(USERS.EMAIL, email)
                .set(USERS.NAME, name)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .returning(USERS.ID)
                .fetchSingle(USERS.ID);
    }

    /** False when the user already is a member of the account. */
    boolean insertMember(DSLContext tx, long accountId, long userId, MembershipChanges profile) {
        var values = new HashMap<Field<?>, Object>();
        values.put(ACCOUNT_USERS.ACCOUNT_ID, accountId);
        values.put(ACCOUNT_USERS.USER_ID, userId);
        values.putAll(columns(profile));
        return tx.insertInto(ACCOUNT_USERS).set(values).onConflictDoNothing().execute() > 0;
    }

    void update(DSLContext tx, long accountId, long userId, MembershipChanges changes) {
        var values = columns(changes);
        if (values.isEmpty()) {
            return;
        }
        tx.update(ACCOUNT_USERS)
                .set(values)
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.USER_ID.eq(userId))
                .execute();
    }

    /** A user's name is theirs in every account they belong to. */
    void rename(DSLContext tx, long userId, String name) {
        tx.update(USERS).set(USERS.NAME, name).where(USERS.ID.eq(userId)).execute();
    }

    /**
     * Removes the membership; the database cascades it to team memberships and unassigns the member's
     * conversations (their assignee foreign key is ON DELETE SET NULL).
     */
    void delete(DSLContext tx, long accountId, long userId) {
        tx.deleteFrom(ACCOUNT_USERS)
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.USER_ID.eq(userId))
                .execute();
    }

    private static Map<Field<?>, Object> columns(MembershipChanges changes) {
        var values = new HashMap<Field<?>, Object>();
        if (changes.role() != null) {
            values.put(ACCOUNT_USERS.ROLE, Enums.wire(changes.role()));
        }
        if (changes.availability() != null) {
            values.put(ACCOUNT_USERS.AVAILABILITY, Enums.wire(changes.availability()));
        }
        if (changes.maxConcurrent() != null) {
            values.put(ACCOUNT_USERS.MAX_CONCURRENT, changes.maxConcurrent());
        }
        if (changes.skills() != null) {
            values.put(ACCOUNT_USERS.SKILLS, changes.skills().toArray(String[]::new));
        }
        if (changes.languages() != null) {
            values.put(ACCOUNT_USERS.LANGUAGES, changes.languages().toArray(String[]::new));
        }
        return values;
    }
}
