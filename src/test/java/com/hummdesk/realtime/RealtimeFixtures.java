package com.hummdesk.realtime;

import com.hummdesk.auth.TokenService;
import com.hummdesk.platform.security.ContactSession;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.TestApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Tokens and rows the real-time tests need (tokens are signed with the test apps' secret). */
final class RealtimeFixtures {
    private static final TokenService TOKENS =
            new TokenService(TestApp.JWT_SECRET, Duration.ofMinutes(15), Clock.systemUTC());
    private static final TokenService AN_HOUR_AGO = new TokenService(
            TestApp.JWT_SECRET,
            Duration.ofMinutes(15),
            Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));

    /** A customer's conversation in an account. */
    record Conversation(long accountId, long inboxId, long contactId, long id) {}

    private RealtimeFixtures() {}

    static String agentToken(long accountId, long userId) {
        return TOKENS.accessToken(userId, accountId, Role.AGENT);
    }

    static String expiredAgentToken(long accountId, long userId) {
        return AN_HOUR_AGO.accessToken(userId, accountId, Role.AGENT);
    }

    static String contactToken(Conversation conversation) {
        return TOKENS.contactToken(
                new ContactSession(conversation.accountId(), conversation.inboxId(), conversation.contactId()));
    }

    /** The seed's auth payload: {@code {token, account_id}}. */
    static Map<String, Object> auth(String token, long accountId) {
        return Map.of("token", token, "account_id", accountId);
    }

    static Map<String, Object> auth(String token) {
        return Map.of("token", token);
    }

    static Conversation conversation(TestApp app, long accountId) {
        return app.app().database().inAccount(accountId, tx -> {
            long inbox = tx.fetchSingle(
                            "insert into inboxes (account_id, name, public_id) values (?, 'Web', ?) returning id",
                            accountId,
                            UUID.randomUUID().toString())
                    .get(0, Long.class);
            long contact = tx.fetchSingle(
                            "insert into contacts (account_id, name) values (?, 'Customer') returning id", accountId)
                    .get(0, Long.class);
            long conversation = tx.fetchSingle(
                            "insert into conversations (account_id, inbox_id, contact_id) values (?, ?, ?) returning id",
                            accountId,
                            inbox,
                            contact)
                    .get(0, Long.class);
            return new Conversation(accountId, inbox, contact, conversation);
        });
    }
}
