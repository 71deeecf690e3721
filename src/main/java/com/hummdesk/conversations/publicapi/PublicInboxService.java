package com.hummdesk.conversations.publicapi;

import com.hummdesk.conversations.Cursor;
import com.hummdesk.conversations.MessageService;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.db.Scope;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.errors.Unauthorized;
import com.hummdesk.platform.security.ContactSession;
import java.util.Locale;
import java.util.function.Function;

/**
 * Contact sessions on public inboxes, and what a session may do: only in the inbox its token was issued for,
 * only with its own conversations.
 */
final class PublicInboxService {
    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 320;

    private final Database db;
    private final MessageService messages;
    private final Function<ContactSession, String> contactTokens;
    private final ContactSessionRepository sessions = new ContactSessionRepository();
    private final PublicConversationFinder conversations = new PublicConversationFinder();

    PublicInboxService(Database db, MessageService messages, Function<ContactSession, String> contactTokens) {
        this.db = db;
        this.messages = messages;
        this.contactTokens = contactTokens;
    }

    /** Finds the inbox by its public id, then the account's contact (same email = same contact) or a new one. */
    ContactSessionOpened open(
            String inboxPublicId, String name, String email, String identifier, String identifierHash) {
        var normalizedEmail =
                email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
        new FieldErrors()
                .maxLength(name, MAX_NAME, "name")
                .check(name == null || name.indexOf('\0') < 0, "name", "must be plain text")
                .maxLength(normalizedEmail, MAX_EMAIL, "email")
                .check(
                        normalizedEmail == null || normalizedEmail.matches("[^@\\s\\x00]+@[^@\\s\\x00]+"),
                        "email",
                        "must be an email address")
                .maxLength(identifier, MAX_NAME, "identifier")
                .check(identifier == null || identifier.indexOf('\0') < 0, "identifier", "must be plain text")
                .check(
                        identifierHash == null || normalizedEmail != null,
                        "identifierHash",
                        "needs the email it was computed from")
                .maxLength(identifierHash, MAX_NAME, "identifierHash")
                .throwIfAny();
        checkPublicId(inboxPublicId);
        var session = db.transaction(Scope.publicInbox(inboxPublicId), tx -> {
            var inbox = sessions.inboxByPublicId(tx, inboxPublicId).orElseThrow(PublicInboxService::noInbox);
            // From here on the transaction works in the inbox's account, like any other.
            Scope.account(inbox.accountId()).applyTo(tx);
            boolean verified = normalizedEmail != null
                    && IdentityVerification.matches(inbox.identitySecret(), normalizedEmail, identifierHash);
            if (identifierHash != null && !verified) {
                throw new Unauthorized(
                        "identity_not_verified",
                        "identifierHash is not HMAC-SHA256(the inbox's identity secret, email) in lowercase hex.");
            }
            var contact = sessions.findOrCreate(
                    tx,
                    inbox.accountId(),
                    name == null ? null : name.trim(),
                    normalizedEmail,
                    blankToNull(identifier),
                    verified);
            return new Opened(new ContactSession(inbox.accountId(), inbox.id(), contact.id()), contact);
        });
        return new ContactSessionOpened(contactTokens.apply(session.session()), session.contact());
    }

    private record Opened(ContactSession session, PublicContact contact) {}

    StartedConversation start(ContactSession contact, String inboxPublicId, String content, String key) {
        verify(contact, inboxPublicId);
        var started = messages.start(contact, content, key);
        return new StartedConversation(started.conversationId(), PublicMessage.of(started.message()));
    }

    MessageService.Posted send(
            ContactSession contact, String inboxPublicId, long conversationId, String content, String key) {
        verify(contact, inboxPublicId);
        return messages.addIncoming(contact, conversationId, content, key);
    }

    PublicConversationPage conversations(ContactSession contact, String inboxPublicId, Long before, int limit) {
        verify(contact, inboxPublicId);
        return db.inAccount(contact.accountId(), tx -> conversations.list(tx, contact, before, limit));
    }

    PublicMessagePage timeline(ContactSession contact, String inboxPublicId, long conversationId, Cursor cursor) {
        verify(contact, inboxPublicId);
        var page = messages.customerTimeline(contact, conversationId, cursor);
        return new PublicMessagePage(
                page.messages().stream().map(PublicMessage::of).toList(), page.nextCursor());
    }

    /** A token issued for another inbox, or for a contact that no longer exists, gets nowhere. */
    private void verify(ContactSession contact, String inboxPublicId) {
        checkPublicId(inboxPublicId);
        boolean holds = db.inAccount(
                contact.accountId(),
                tx -> sessions.sessionHolds(
                        tx, contact.accountId(), contact.inboxId(), inboxPublicId, contact.contactId()));
        if (!holds) {
            throw noInbox();
        }
    }

    /** Public ids are short tokens; anything else (NUL characters included) cannot name an inbox. */
    private static void checkPublicId(String publicId) {
        if (publicId.length() > MAX_NAME || publicId.indexOf('\0') >= 0) {
            throw noInbox();
        }
    }

    private static NotFound noInbox() {
        return new NotFound("not_found", "No such inbox.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
