package com.hummdesk.contacts;

import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static org.jooq.Records.mapping;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** A contact's conversation history. Reads the conversations feature's table read-only. */
final class ContactConversationsFinder {

    List<ContactConversation> page(DSLContext tx, long accountId, long contactId, int offset, int limit) {
        return tx.select(
                        CONVERSATIONS.ID,
                        CONVERSATIONS.INBOX_ID,
                        CONVERSATIONS.STATUS,
                        CONVERSATIONS.PRIORITY,
                        CONVERSATIONS.SUBJECT,
                        CONVERSATIONS.LAST_MESSAGE_PREVIEW,
                        CONVERSATIONS.LAST_MESSAGE_AT,
                        CONVERSATIONS.CREATED_AT)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.CONTACT_ID.eq(contactId))
                .orderBy(
                        DSL.coalesce(CONVERSATIONS.LAST_MESSAGE_AT, CONVERSATIONS.CREATED_AT)
                                .desc(),
                        CONVERSATIONS.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(mapping(ContactConversation::new));
    }

    long count(DSLContext tx, long accountId, long contactId) {
        return tx.fetchCount(
                CONVERSATIONS, CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.CONTACT_ID.eq(contactId));
    }
}
