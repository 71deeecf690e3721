package com.hummdesk.conversations.publicapi;

import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static org.jooq.impl.DSL.noCondition;

import com.hummdesk.platform.security.ContactSession;
import java.util.ArrayList;
import org.jooq.DSLContext;

/** A customer's own conversations in one inbox, newest first. */
final class PublicConversationFinder {

    PublicConversationPage list(DSLContext tx, ContactSession contact, Long before, int limit) {
        var c = CONVERSATIONS;
        var rows = tx.select(c.ID, c.STATUS, c.LAST_MESSAGE_PREVIEW, c.LAST_MESSAGE_AT, c.CREATED_AT)
                .from(c)
                .where(
                        c.ACCOUNT_ID.eq(contact.accountId()),
                        c.CONTACT_ID.eq(contact.contactId()),
                        c.INBOX_ID.eq(contact.inboxId()),
                        before == null ? noCondition() : c.ID.lt(before))
                .orderBy(c.ID.desc())
                .limit(limit + 1)
                .fetch();
        var page = new ArrayList<PublicConversation>();
        for (var r : rows) {
            if (page.size() < limit) {
                var last = r.value4() == null ? null : new PublicConversation.LastMessage(r.value3(), r.value4());
                page.add(new PublicConversation(r.value1(), r.value2(), last, r.value5()));
            }
        }
        return new PublicConversationPage(
                page, rows.size() > limit ? page.getLast().id() : null);
    }
}
