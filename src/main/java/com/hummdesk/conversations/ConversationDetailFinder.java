package com.hummdesk.conversations;

import static com.hummdesk.platform.db.generated.Tables.CONTACTS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATION_LABELS;
import static com.hummdesk.platform.db.generated.Tables.INBOXES;
import static com.hummdesk.platform.db.generated.Tables.LABELS;
import static com.hummdesk.platform.db.generated.Tables.TEAMS;
import static com.hummdesk.platform.db.generated.Tables.USERS;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.select;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * One conversation with its contact, inbox, assignee, team and label names, in one statement. Reads contacts,
 * inboxes, users, teams, conversation_labels and labels read-only.
 */
final class ConversationDetailFinder {
    private static final com.hummdesk.platform.db.generated.tables.Conversations C = CONVERSATIONS.as("c");

    Optional<ConversationDetail> find(DSLContext tx, long accountId, long conversationId) {
        var ct = CONTACTS.as("ct");
        var i = INBOXES.as("i");
        var u = USERS.as("u");
        var t = TEAMS.as("t");
        var cl = CONVERSATION_LABELS.as("cl");
        var l = LABELS.as("l");
        var labels = array(select(l.NAME)
                        .from(cl)
                        .join(l)
                        .on(l.ACCOUNT_ID.eq(cl.ACCOUNT_ID), l.ID.eq(cl.LABEL_ID))
                        .where(cl.ACCOUNT_ID.eq(C.ACCOUNT_ID), cl.CONVERSATION_ID.eq(C.ID))
                        .orderBy(l.NAME))
                .as("labels");
        return tx.select(C.fields())
                .select(ct.NAME, ct.EMAIL, i.NAME, u.NAME, t.NAME, labels)
                .from(C)
                .join(ct)
                .on(ct.ACCOUNT_ID.eq(C.ACCOUNT_ID), ct.ID.eq(C.CONTACT_ID))
                .join(i)
                .on(i.ACCOUNT_ID.eq(C.ACCOUNT_ID), i.ID.eq(C.INBOX_ID))
                .leftJoin(u)
                .on(u.ID.eq(C.ASSIGNEE_ID))
                .leftJoin(t)
                .on(t.ACCOUNT_ID.eq(C.ACCOUNT_ID), t.ID.eq(C.TEAM_ID))
                .where(C.ACCOUNT_ID.eq(accountId), C.ID.eq(conversationId))
                .fetchOptional(r -> detail(
                        r,
                        r.get(ct.NAME),
                        r.get(ct.EMAIL),
                        r.get(i.NAME),
                        r.get(u.NAME),
                        r.get(t.NAME),
                        r.get(labels)));
    }

    private static ConversationDetail detail(
            Record r,
            String contactName,
            String contactEmail,
            String inboxName,
            String agentName,
            String teamName,
            String[] labels) {
        var assigneeId = r.get(C.ASSIGNEE_ID);
        var teamId = r.get(C.TEAM_ID);
        return new ConversationDetail(
                r.get(C.ID),
                r.get(C.STATUS),
                r.get(C.SNOOZED_UNTIL),
                r.get(C.PRIORITY),
                r.get(C.SUBJECT),
                new ConversationDetail.Ref(r.get(C.INBOX_ID), inboxName),
                new ConversationDetail.Contact(r.get(C.CONTACT_ID), contactName, contactEmail),
                assigneeId == null ? null : new ConversationDetail.Ref(assigneeId, agentName),
                teamId == null ? null : new ConversationDetail.Ref(teamId, teamName),
                labels == null ? List.of() : Arrays.asList(labels),
                r.get(C.AI_CATEGORY),
                r.get(C.AI_SENTIMENT),
                r.get(C.AI_LANGUAGE),
                r.get(C.AI_CONFIDENCE),
                r.get(C.AI_REASONING),
                r.get(C.AI_PROVIDER),
                r.get(C.WAITING_SINCE),
                r.get(C.FIRST_REPLY_AT),
                r.get(C.RESOLVED_AT),
                r.get(C.LAST_MESSAGE_AT),
                r.get(C.CREATED_AT),
                r.get(C.UPDATED_AT));
    }
}
