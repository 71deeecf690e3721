package com.hummdesk.testing;

import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.INBOXES;

import com.hummdesk.platform.security.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Members with roles, and inboxes and conversations written straight into the database (the conversations API is
 * another feature's), for the account directory's tests.
 */
public final class DirectoryFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A signed-in member of an account. */
    public record Member(long userId, String email, String token) {}

    private DirectoryFixtures() {}

    public static Member member(TestApp app, long accountId, Role role) {
        var email =
                role.name().toLowerCase(Locale.ROOT) + SEQUENCE.incrementAndGet() + "-" + accountId + "@directory.test";
        long userId = app.app().accounts().addMember(accountId, "Member " + email, email, Fixtures.PASSWORD, role);
        var login = Fixtures.login(app, email, Fixtures.PASSWORD);
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login.text());
        }
        return new Member(userId, email, login.json().get("accessToken").asText());
    }

    /** Signs in again, e.g. to get a token that carries a changed role. */
    public static String token(TestApp app, String email) {
        return Fixtures.login(app, email, Fixtures.PASSWORD)
                .json()
                .get("accessToken")
                .asText();
    }

    public static long inbox(TestApp app, long accountId) {
        return app.app().database().inAccount(accountId, tx -> tx.insertInto(INBOXES)
                .set(INBOXES.ACCOUNT_ID, accountId)
                .set(INBOXES.NAME, "Test inbox")
                .set(INBOXES.PUBLIC_ID, "inbox-" + UUID.randomUUID())
                .returning(INBOXES.ID)
                .fetchSingle(INBOXES.ID));
    }

    public static long conversation(
            TestApp app, long accountId, long inboxId, long contactId, Long assigneeId, String status) {
        return conversation(app, accountId, inboxId, contactId, assigneeId, status, OffsetDateTime.now(ZoneOffset.UTC));
    }

    public static long conversation(
            TestApp app,
            long accountId,
            long inboxId,
            long contactId,
            Long assigneeId,
            String status,
            OffsetDateTime lastMessageAt) {
        return app.app().database().inAccount(accountId, tx -> tx.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.ACCOUNT_ID, accountId)
                .set(CONVERSATIONS.INBOX_ID, inboxId)
                .set(CONVERSATIONS.CONTACT_ID, contactId)
                .set(CONVERSATIONS.ASSIGNEE_ID, assigneeId)
                .set(CONVERSATIONS.STATUS, status)
                .set(CONVERSATIONS.LAST_MESSAGE_PREVIEW, "Last message of " + status)
                .set(CONVERSATIONS.LAST_MESSAGE_AT, lastMessageAt)
                .returning(CONVERSATIONS.ID)
                .fetchSingle(CONVERSATIONS.ID));
    }

    /** The audit rows of an account with the given action, newest last. */
    public static java.util.List<org.jooq.Record> audit(TestApp app, long accountId, String action) {
        return app.app()
                .database()
                .inAccount(
                        accountId,
                        tx -> tx.fetch(
                                "select actor_user_id, action, target_type, target_id, details::text as details from audit_log"
                                        + " where account_id = ? and action = ? order by id",
                                accountId,
                                action));
    }

    /** Asserts the error shape and returns the error code. */
    public static String errorCode(TestApp.Response response) {
        var error = response.json().get("error");
        if (error == null || !error.has("code") || !error.has("message") || !error.has("details")) {
            throw new AssertionError("not the error shape: " + response.text());
        }
        return error.get("code").asText();
    }
}
