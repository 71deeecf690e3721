package com.hummdesk.conversations.publicapi;

import static com.hummdesk.platform.db.generated.Tables.CONTACTS;
import static com.hummdesk.platform.db.generated.Tables.INBOXES;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Public inboxes by their public id, and the contacts customers open sessions as. Writes contacts only to create
 * (or find, by email) the customer of a new session; reads inboxes read-only.
 */
final class ContactSessionRepository {

    record Inbox(long accountId, long id, String identitySecret) {}

    /** Needs the public-inbox scope: row-level security shows that one inbox row before the account is known. */
    Optional<Inbox> inboxByPublicId(DSLContext tx, String publicId) {
        return tx.select(INBOXES.ACCOUNT_ID, INBOXES.ID, INBOXES.IDENTITY_SECRET)
                .from(INBOXES)
                .where(INBOXES.PUBLIC_ID.eq(publicId))
                .fetchOptional(r -> new Inbox(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The contact of a new session. A verified email (its identity hash checked) is the account's contact with that
     * email, created if new; a known contact keeps its name and identifier unless they were blank. An unverified
     * email never reaches an existing contact: the session gets a new contact holding the claim in unverified_email.
     * Without an email, always a new contact.
     */
    PublicContact findOrCreate(
            DSLContext tx, long accountId, String name, String email, String identifier, boolean verified) {
        var verifiedEmail = verified ? email : null;
        var insert = tx.insertInto(CONTACTS)
                .set(CONTACTS.ACCOUNT_ID, accountId)
                .set(CONTACTS.NAME, name == null ? "" : name)
                .set(CONTACTS.EMAIL, verifiedEmail)
                .set(CONTACTS.UNVERIFIED_EMAIL, verified ? null : email)
                .set(CONTACTS.IDENTIFIER, identifier);
        var returning = verifiedEmail == null
                ? insert.returning(CONTACTS.ID, CONTACTS.NAME, CONTACTS.EMAIL)
                : insert.onConflict(CONTACTS.ACCOUNT_ID, CONTACTS.EMAIL)
                        .doUpdate()
                        .set(
                                CONTACTS.NAME,
                                DSL.when(CONTACTS.NAME.eq(""), DSL.excluded(CONTACTS.NAME))
                                        .otherwise(CONTACTS.NAME))
                        .set(CONTACTS.IDENTIFIER, DSL.coalesce(CONTACTS.IDENTIFIER, DSL.excluded(CONTACTS.IDENTIFIER)))
                        .set(CONTACTS.UPDATED_AT, DSL.currentOffsetDateTime())
                        .returning(CONTACTS.ID, CONTACTS.NAME, CONTACTS.EMAIL);
        return returning.fetchSingle(r -> new PublicContact(r.getId(), r.getName(), r.getEmail(), verified));
    }

    /** Whether a contact token still speaks for an existing contact of the inbox named in the path. */
    boolean sessionHolds(DSLContext tx, long accountId, long inboxId, String publicId, long contactId) {
        return tx.fetchExists(DSL.selectOne()
                .from(INBOXES)
                .join(CONTACTS)
                .on(CONTACTS.ACCOUNT_ID.eq(INBOXES.ACCOUNT_ID), CONTACTS.ID.eq(contactId))
                .where(INBOXES.ACCOUNT_ID.eq(accountId), INBOXES.ID.eq(inboxId), INBOXES.PUBLIC_ID.eq(publicId)));
    }
}
