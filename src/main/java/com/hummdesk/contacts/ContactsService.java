package com.hummdesk.contacts;

import com.hummdesk.audit.AuditRepository;
import com.hummdesk.platform.db.Constraints;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.errors.Unprocessable;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Contacts: every member of the account (agents included) lists, searches, creates, changes and merges them. */
final class ContactsService {
    private final Database db;
    private final EventBus events;
    private final ContactsRepository contacts = new ContactsRepository();
    private final ContactConversationsFinder conversations = new ContactConversationsFinder();
    private final AuditRepository audit = new AuditRepository();

    ContactsService(Database db, EventBus events) {
        this.db = db;
        this.events = events;
    }

    ContactPage list(CurrentUser user, String q, int page, int pageSize) {
        if (q != null && q.trim().length() > ContactSearch.MAX_LENGTH) {
            throw new BadRequest(
                    "invalid_parameter",
                    "q must be at most " + ContactSearch.MAX_LENGTH + " characters",
                    Map.of("field", "q", "max", ContactSearch.MAX_LENGTH));
        }
        var search = ContactSearch.of(q);
        return db.inAccount(
                user.accountId(),
                tx -> ContactPage.of(
                        contacts.page(tx, user.accountId(), search, (page - 1) * pageSize, pageSize),
                        page,
                        pageSize,
                        contacts.count(tx, user.accountId(), search)));
    }

    Contact get(CurrentUser user, long id) {
        return db.inAccount(user.accountId(), tx -> contacts.find(tx, user.accountId(), id))
                .orElseThrow(ContactsService::notFound);
    }

    ContactConversationPage conversations(CurrentUser user, long id, int page, int pageSize) {
        return db.inAccount(user.accountId(), tx -> {
            if (contacts.find(tx, user.accountId(), id).isEmpty()) {
                throw notFound();
            }
            return ContactConversationPage.of(
                    conversations.page(tx, user.accountId(), id, (page - 1) * pageSize, pageSize),
                    page,
                    pageSize,
                    conversations.count(tx, user.accountId(), id));
        });
    }

    Contact create(CurrentUser user, ContactInput input) {
        var values = input.forCreate();
        return uniqueEmail(
                values.email(),
                () -> db.inAccount(user.accountId(), tx -> {
                    var contact = contacts.insert(tx, user.accountId(), values);
                    audit.record(tx, user, "contact.created", "contact", contact.id(), summary(contact));
                    return contact;
                }));
    }

    Contact update(CurrentUser user, long id, ContactInput input) {
        var email = input.email() == null ? null : input.email().trim().toLowerCase(Locale.ROOT);
        return uniqueEmail(
                email,
                () -> db.inAccount(user.accountId(), tx -> {
                    var current = contacts.find(tx, user.accountId(), id).orElseThrow(ContactsService::notFound);
                    var updated = contacts.update(tx, user.accountId(), id, input.applyTo(current));
                    audit.record(tx, user, "contact.updated", "contact", id, summary(updated));
                    return updated;
                }));
    }

    /**
     * Merges {@code otherId} into {@code id}: moves its conversations, fills this contact's empty fields from it
     * (this contact's attributes win on shared keys), then deletes it. All or nothing.
     */
    MergeResult merge(CurrentUser user, long id, Long otherId) {
        if (otherId == null) {
            throw new Unprocessable(
                    "validation_failed",
                    "Some fields are invalid: otherContactId",
                    Map.of("fields", Map.of("otherContactId", "is required")));
        }
        var result = db.inAccount(user.accountId(), tx -> {
            var locked = contacts.lock(tx, user.accountId(), id, otherId);
            var primary = locked.stream().filter(c -> c.id() == id).findFirst().orElseThrow(ContactsService::notFound);
            if (otherId == id) {
                throw new Unprocessable("merge_into_itself", "A contact cannot be merged into itself.");
            }
            var other =
                    locked.stream().filter(c -> c.id() == otherId).findFirst().orElseThrow(ContactsService::notFound);
            int moved = contacts.moveConversations(tx, user.accountId(), other.id(), primary.id());
            // Deleted before the update, so the other contact's email can move over without a unique clash.
            contacts.delete(tx, user.accountId(), other.id());
            var merged = contacts.update(tx, user.accountId(), primary.id(), ContactMerge.fill(primary, other));
            var details = new LinkedHashMap<String, Object>();
            details.put("mergedContactId", other.id());
            details.put("movedConversations", moved);
            audit.record(tx, user, "contact.merged", "contact", primary.id(), details);
            return new MergeResult(merged, other.id(), moved);
        });
        events.publish(new ContactsMerged(user.accountId(), id, otherId, result.movedConversations()));
        return result;
    }

    private static Map<String, Object> summary(Contact contact) {
        var details = new LinkedHashMap<String, Object>();
        details.put("name", contact.name());
        details.put("email", contact.email());
        return details;
    }

    private static <T> T uniqueEmail(String email, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Conflict("email_taken", "Another contact in this account already has email " + email + ".");
            }
            throw e;
        }
    }

    private static NotFound notFound() {
        return new NotFound("not_found", "No such contact.");
    }
}
