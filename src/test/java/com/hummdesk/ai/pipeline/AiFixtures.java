package com.hummdesk.ai.pipeline;

import com.hummdesk.conversations.ConversationHooks;
import com.hummdesk.conversations.MessageService;
import com.hummdesk.platform.security.ContactSession;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Pipeline test data: inboxes, contacts and conversations written with SQL (no ConversationCreated, so routing does
 * not assign them on creation), and customer messages stored through the conversations feature's real
 * {@link MessageService} with the app's own hooks, so the classify job is enqueued exactly as in production.
 */
final class AiFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private AiFixtures() {}

    /** An open, unassigned conversation of a new contact, in a new load-balanced inbox. */
    static ContactSession customer(TestApp app, long accountId) {
        long inbox = value(
                app,
                accountId,
                "insert into inboxes (account_id, name, public_id) values (?, 'Support', ?) returning id",
                accountId,
                "inbox-" + UUID.randomUUID());
        long contact = value(
                app,
                accountId,
                "insert into contacts (account_id, name) values (?, 'Customer') returning id",
                accountId);
        return new ContactSession(accountId, inbox, contact);
    }

    static long conversation(TestApp app, ContactSession customer) {
        return value(
                app,
                customer.accountId(),
                "insert into conversations (account_id, inbox_id, contact_id) values (?, ?, ?) returning id",
                customer.accountId(),
                customer.inboxId(),
                customer.contactId());
    }

    static MessageService messages(TestApp app, ConversationHooks hooks) {
        return new MessageService(app.app().database(), app.app().events(), hooks);
    }

    /** The customer writes in (the classify job is enqueued with it); returns the message id. */
    static long write(TestApp app, ContactSession customer, long conversationId, String text) {
        return messages(app, app.app().ai().conversationHooks())
                .addIncoming(customer, conversationId, text, null)
                .message()
                .id();
    }

    /** An agent, online by declaration, with room for 10 and every default category as a skill. */
    static long onlineAgent(TestApp app, long accountId) {
        var email = "agent" + SEQUENCE.incrementAndGet() + "-" + accountId + "@ai.test";
        long userId = app.app().accounts().addMember(accountId, "Agent " + email, email, Fixtures.PASSWORD, Role.AGENT);
        execute(
                app,
                accountId,
                "update account_users set availability = 'online', max_concurrent = 10,"
                        + " skills = '{billing,technical,sales,general}' where account_id = ? and user_id = ?",
                accountId,
                userId);
        return userId;
    }

    static Long assignee(TestApp app, long accountId, long conversationId) {
        return app.app().database().inAccount(accountId, tx -> tx.fetchOne(
                        "select assignee_id from conversations where account_id = ? and id = ?",
                        accountId,
                        conversationId)
                .get(0, Long.class));
    }

    static long pipelineClassifications(TestApp app, long accountId, long messageId) {
        return value(
                app,
                accountId,
                "select count(*) from ai_classifications where account_id = ? and message_id = ?"
                        + " and source = 'pipeline'",
                accountId,
                messageId);
    }

    static long jobs(TestApp app, long accountId, String type) {
        return value(app, accountId, "select count(*) from jobs where account_id = ? and type = ?", accountId, type);
    }

    static List<String> jobPayloads(TestApp app, long accountId, String type) {
        return app.app().database().inAccount(accountId, tx -> tx.fetch(
                        "select payload::text from jobs where account_id = ? and type = ? order by id", accountId, type)
                .getValues(0, String.class));
    }

    static long value(TestApp app, long accountId, String sql, Object... binds) {
        return app.app().database().inAccount(accountId, tx -> {
            var row = tx.fetchOne(sql, binds);
            return row == null || row.get(0) == null ? 0L : row.get(0, Long.class);
        });
    }

    static void execute(TestApp app, long accountId, String sql, Object... binds) {
        app.app().database().runInAccount(accountId, tx -> tx.execute(sql, binds));
    }

    /** Waits (up to 60 s: the first classification of the JVM loads the models) for the job worker. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
