package com.hummdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.conversations.ConversationsModule;
import com.hummdesk.platform.events.DomainEvent;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Routing test data. Agents' routing profiles, teams, inboxes with a strategy, open load and history have no API in
 * this feature (or would fire events a test does not want), so they are written with SQL; customers start
 * conversations through the public API when a test is about the ConversationCreated trigger.
 */
final class RoutingFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    record Inbox(long id, String publicId) {}

    /** An agent who can sign in, for tests that act through the API as them. */
    record Member(long userId, String token) {}

    private RoutingFixtures() {}

    static Inbox inbox(TestApp app, long accountId, String strategy) {
        var publicId = "inbox-" + UUID.randomUUID();
        long id = value(
                app,
                accountId,
                "insert into inboxes (account_id, name, public_id, routing_strategy) values (?, ?, ?, ?) returning id",
                accountId,
                "Support " + strategy,
                publicId,
                strategy);
        return new Inbox(id, publicId);
    }

    /** An agent (no password to hash: nobody signs in as them), online with room for 10 and no skills. */
    static long agent(TestApp app, long accountId, String name) {
        var email =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + SEQUENCE.incrementAndGet() + "@routing.test";
        long userId = app.app().database().global(tx -> tx.fetchOne(
                        "insert into users (email, name, password_hash) values (?, ?, 'not-a-hash') returning id",
                        email,
                        name)
                .get(0, Long.class));
        value(
                app,
                accountId,
                "insert into account_users (account_id, user_id, role, availability, max_concurrent)"
                        + " values (?, ?, 'agent', 'online', 10) returning user_id",
                accountId,
                userId);
        return userId;
    }

    /** An agent who signs in (offline until they say otherwise). */
    static Member member(TestApp app, long accountId, String name) {
        var email =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + SEQUENCE.incrementAndGet() + "@routing.test";
        long userId = app.app().accounts().addMember(accountId, name, email, Fixtures.PASSWORD, Role.AGENT);
        var login = Fixtures.login(app, email, Fixtures.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        return new Member(userId, login.json().get("accessToken").asText());
    }

    static void profile(
            TestApp app,
            long accountId,
            long userId,
            String availability,
            int maxConcurrent,
            List<String> skills,
            List<String> languages) {
        execute(
                app,
                accountId,
                "update account_users set availability = ?, max_concurrent = ?, skills = ?::varchar[],"
                        + " languages = ?::varchar[] where account_id = ? and user_id = ?",
                availability,
                maxConcurrent,
                "{" + String.join(",", skills) + "}",
                "{" + String.join(",", languages) + "}",
                accountId,
                userId);
    }

    static long team(TestApp app, long accountId, String name, long... members) {
        long teamId = value(
                app, accountId, "insert into teams (account_id, name) values (?, ?) returning id", accountId, name);
        for (long member : members) {
            execute(
                    app,
                    accountId,
                    "insert into team_members (account_id, team_id, user_id) values (?, ?, ?)",
                    accountId,
                    teamId,
                    member);
        }
        return teamId;
    }

    static long contact(TestApp app, long accountId) {
        return value(
                app,
                accountId,
                "insert into contacts (account_id, name) values (?, 'Customer') returning id",
                accountId);
    }

    /** An unassigned open conversation, written directly (no ConversationCreated). */
    static long conversation(TestApp app, long accountId, Inbox inbox, String category, Long teamId, String language) {
        return value(
                app,
                accountId,
                "insert into conversations (account_id, inbox_id, contact_id, team_id, ai_category, ai_language,"
                        + " last_message_at, waiting_since) values (?, ?, ?, ?, ?, ?, now(), now()) returning id",
                accountId,
                inbox.id(),
                contact(app, accountId),
                teamId,
                category,
                language);
    }

    static long conversation(TestApp app, long accountId, Inbox inbox) {
        return conversation(app, accountId, inbox, null, null, null);
    }

    /** Gives the agent {@code count} assigned conversations with the status (open load, or resolved ones). */
    static void load(TestApp app, long accountId, Inbox inbox, long agentId, int count, String status) {
        long contact = contact(app, accountId);
        execute(
                app,
                accountId,
                "insert into conversations (account_id, inbox_id, contact_id, assignee_id, status)"
                        + " select ?, ?, ?, ?, ? from generate_series(1, ?)",
                accountId,
                inbox.id(),
                contact,
                agentId,
                status,
                count);
    }

    /**
     * Recent history: {@code count} conversations assigned to the agent, created a day ago, first answered after
     * {@code firstReply}, and {@code resolved} of them resolved.
     */
    static void history(
            TestApp app, long accountId, Inbox inbox, long agentId, int count, Duration firstReply, int resolved) {
        long contact = contact(app, accountId);
        execute(
                app,
                accountId,
                "insert into conversations (account_id, inbox_id, contact_id, assignee_id, status, created_at,"
                        + " first_reply_at, resolved_at)"
                        + " select ?, ?, ?, ?, case when g <= ? then 'resolved' else 'pending' end,"
                        + " now() - interval '1 day', now() - interval '1 day' + make_interval(secs => ?),"
                        + " case when g <= ? then now() end"
                        + " from generate_series(1, ?) g",
                accountId,
                inbox.id(),
                contact,
                agentId,
                resolved,
                (double) firstReply.toSeconds(),
                resolved,
                count);
    }

    /**
     * A routing module of its own on the app's database, standing for another node: what it decides, only the
     * database (the account's advisory lock, the fresh loads, the roster version) coordinates with the app's.
     */
    static RoutingModule node(TestApp app, RoutingSettings settings) {
        return node(app, settings, RoutingPresence.DECLARED_AVAILABILITY);
    }

    /** Like {@link #node(TestApp, RoutingSettings)}, with the presence it asks during each decision. */
    static RoutingModule node(TestApp app, RoutingSettings settings, RoutingPresence presence) {
        var bus = new EventBus();
        var db = app.app().database();
        return new RoutingModule(
                db, bus, new ConversationsModule(db, bus, session -> "").assignments(), presence, settings);
    }

    static Long assignee(TestApp app, long accountId, long conversationId) {
        return app.app().database().inAccount(accountId, tx -> tx.fetchOne(
                        "select assignee_id from conversations where account_id = ? and id = ?",
                        accountId,
                        conversationId)
                .get(0, Long.class));
    }

    static boolean queued(TestApp app, long accountId, long conversationId) {
        return value(
                        app,
                        accountId,
                        "select count(*) from routing_queue where account_id = ? and conversation_id = ?",
                        accountId,
                        conversationId)
                == 1;
    }

    static long value(TestApp app, long accountId, String sql, Object... binds) {
        return app.app().database().inAccount(accountId, tx -> {
            var row = tx.fetchOne(sql, binds);
            return row == null ? 0L : row.get(0, Long.class);
        });
    }

    static void execute(TestApp app, long accountId, String sql, Object... binds) {
        app.app().database().runInAccount(accountId, tx -> tx.execute(sql, binds));
    }

    /** A customer starts a conversation through the public API (publishes ConversationCreated); returns its id. */
    static long startConversation(TestApp app, Inbox inbox, String content) {
        var base = "/api/public/inboxes/" + inbox.publicId();
        var contact = app.post(base + "/contacts", Map.of("name", "Customer"), null);
        assertThat(contact.status()).as(contact.text()).isEqualTo(201);
        var token = contact.json().get("contactToken").asText();
        var started = app.post(base + "/conversations", Map.of("content", content), token);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return started.json().get("conversationId").asLong();
    }

    /** Waits (up to 10 s) for what routing does on its own threads. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Collects the events of one type the app publishes. */
    static <E extends DomainEvent> List<E> record(TestApp app, Class<E> type) {
        var seen = new CopyOnWriteArrayList<E>();
        app.app().events().subscribe(type, seen::add);
        return seen;
    }
}
