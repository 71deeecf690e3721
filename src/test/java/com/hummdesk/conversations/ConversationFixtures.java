package com.hummdesk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data for conversation tests. Customers and conversations come in through the public API like in production;
 * inboxes, teams, labels and AI classifications have no API in this feature, so they are written with SQL.
 */
final class ConversationFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    record Inbox(long accountId, long id, String publicId) {
        String path() {
            return "/api/public/inboxes/" + publicId;
        }
    }

    record Agent(long userId, String name, String token) {}

    record Customer(Inbox inbox, long contactId, String token) {}

    private ConversationFixtures() {}

    static Inbox inbox(TestApp app, long accountId) {
        var publicId = "inbox-" + UUID.randomUUID();
        long id = sql(
                app,
                accountId,
                "insert into inboxes (account_id, name, public_id) values (?, ?, ?) returning id",
                accountId,
                "Support",
                publicId);
        return new Inbox(accountId, id, publicId);
    }

    static long team(TestApp app, long accountId, String name) {
        return sql(app, accountId, "insert into teams (account_id, name) values (?, ?) returning id", accountId, name);
    }

    static long label(TestApp app, long accountId, String name) {
        return sql(app, accountId, "insert into labels (account_id, name) values (?, ?) returning id", accountId, name);
    }

    static Agent agent(TestApp app, long accountId, String name) {
        var email =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + SEQUENCE.incrementAndGet() + "@agents.test";
        long userId = app.app().accounts().addMember(accountId, name, email, Fixtures.PASSWORD, Role.AGENT);
        var login = Fixtures.login(app, email, Fixtures.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        return new Agent(userId, name, login.json().get("accessToken").asText());
    }

    /** A customer signed in on the account's site, which vouches for their email (identity verification). */
    static Customer customer(TestApp app, Inbox inbox, String name, String email) {
        var body = new java.util.HashMap<String, Object>();
        body.put("name", name);
        body.put("email", email);
        if (email != null) {
            body.put("identifierHash", identityHash(app, inbox, email));
        }
        var response = app.post(inbox.path() + "/contacts", body, null);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return new Customer(
                inbox,
                response.json().get("contact").get("id").asLong(),
                response.json().get("contactToken").asText());
    }

    /** What the customer's site computes: hex HMAC-SHA256(the inbox's identity secret, the lowercased email). */
    static String identityHash(TestApp app, Inbox inbox, String email) {
        var secret = app.app().database().inAccount(inbox.accountId(), tx -> tx.fetchSingle(
                        "select identity_secret from inboxes where account_id = ? and id = ?",
                        inbox.accountId(),
                        inbox.id())
                .get(0, String.class));
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal(
                            email.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A customer starts a conversation; returns its id. */
    static long conversation(TestApp app, Customer customer, String content) {
        var response =
                app.post(customer.inbox().path() + "/conversations", Map.of("content", content), customer.token());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("conversationId").asLong();
    }

    /** What the AI pipeline would have set. */
    static void classify(
            TestApp app, long accountId, long conversationId, String category, String sentiment, String language) {
        sql(
                app,
                accountId,
                "update conversations set ai_category = ?, ai_sentiment = ?, ai_language = ?"
                        + " where account_id = ? and id = ? returning id",
                category,
                sentiment,
                language,
                accountId,
                conversationId);
    }

    /** Runs one statement in the account and returns the first column of its first row as a long. */
    static long sql(TestApp app, long accountId, String sql, Object... binds) {
        return app.app().database().inAccount(accountId, tx -> {
            var row = tx.fetchOne(sql, binds);
            return row == null ? 0L : row.get(0, Long.class);
        });
    }

    /** Runs statements that return no rows (bulk inserts). */
    static void execute(TestApp app, long accountId, String sql, Object... binds) {
        app.app().database().runInAccount(accountId, tx -> tx.execute(sql, binds));
    }

    static String text(TestApp app, long accountId, String sql, Object... binds) {
        return app.app().database().inAccount(accountId, tx -> {
            var row = tx.fetchOne(sql, binds);
            return row == null ? null : row.get(0, String.class);
        });
    }

    /** A JSON object's keys in order. */
    static java.util.List<String> keys(com.fasterxml.jackson.databind.JsonNode node) {
        var keys = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static TestApp.Response patch(TestApp app, long conversationId, Object body, String token) {
        return app.patch("/api/conversations/" + conversationId, body, token);
    }

    static TestApp.Response reply(TestApp app, long conversationId, Object body, String token) {
        return app.post("/api/conversations/" + conversationId + "/messages", body, token);
    }
}
