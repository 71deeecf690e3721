package com.hummdesk.realtime;

import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hummdesk.platform.db.Database;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Which customer a conversation belongs to, so an agent's typing reaches them. Reads the conversations feature's
 * table (read-only; realtime must not depend on that feature's code), in the agent's account only, so a
 * conversation id from another account is simply not found. Cached: typing sends an event every few keystrokes,
 * and a conversation's contact does not change.
 */
final class ConversationContactFinder {
    private record Key(long accountId, long conversationId) {}

    private final Database db;
    private final Cache<Key, Long> contacts = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    ConversationContactFinder(Database db) {
        this.db = db;
    }

    OptionalLong contactOf(long accountId, long conversationId) {
        var contactId = contacts.get(
                new Key(accountId, conversationId),
                key -> db.inAccount(accountId, tx -> tx.select(CONVERSATIONS.CONTACT_ID)
                        .from(CONVERSATIONS)
                        .where(CONVERSATIONS.ACCOUNT_ID.eq(accountId))
                        .and(CONVERSATIONS.ID.eq(conversationId))
                        .fetchOptional(CONVERSATIONS.CONTACT_ID)
                        .orElse(null)));
        return contactId == null ? OptionalLong.empty() : OptionalLong.of(contactId);
    }
}
