package com.hummdesk.demo;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.CONTACTS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.INBOXES;
import static com.hummdesk.platform.db.generated.Tables.MESSAGES;
import static com.hummdesk.platform.db.generated.Tables.TEAMS;
import static com.hummdesk.platform.db.generated.Tables.TEAM_MEMBERS;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/** Bulk inserts for the demo account. Writes several features' tables: it is a loader, not a feature. */
final class DemoRepository {

    void setAgentProfile(DSLContext tx, long accountId, long userId, DemoData.Agent agent) {
        tx.update(ACCOUNT_USERS)
                .set(ACCOUNT_USERS.MAX_CONCURRENT, agent.capacity())
                .set(ACCOUNT_USERS.SKILLS, agent.skills().toArray(String[]::new))
                .set(ACCOUNT_USERS.LANGUAGES, agent.languages().toArray(String[]::new))
                .set(ACCOUNT_USERS.AVAILABILITY, "online")
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.USER_ID.eq(userId))
                .execute();
    }

    long insertTeam(DSLContext tx, long accountId, String name, String description) {
        return tx.insertInto(TEAMS, TEAMS.ACCOUNT_ID, TEAMS.NAME, TEAMS.DESCRIPTION)
                .values(accountId, name, description)
                .returning(TEAMS.ID)
                .fetchSingle(TEAMS.ID);
    }

    void addTeamMember(DSLContext tx, long accountId, long teamId, long userId) {
        tx.insertInto(TEAM_MEMBERS, TEAM_MEMBERS.ACCOUNT_ID, TEAM_MEMBERS.TEAM_ID, TEAM_MEMBERS.USER_ID)
                .values(accountId, teamId, userId)
                .execute();
    }

    long insertInbox(DSLContext tx, long accountId, String name, String publicId) {
        return tx.insertInto(INBOXES, INBOXES.ACCOUNT_ID, INBOXES.NAME, INBOXES.CHANNEL_TYPE, INBOXES.PUBLIC_ID)
                .values(accountId, name, "api", publicId)
                .returning(INBOXES.ID)
                .fetchSingle(INBOXES.ID);
    }

    long insertContact(DSLContext tx, long accountId, String name, String email) {
        return tx.insertInto(CONTACTS, CONTACTS.ACCOUNT_ID, CONTACTS.NAME, CONTACTS.EMAIL)
                .values(accountId, name, email)
                .returning(CONTACTS.ID)
                .fetchSingle(CONTACTS.ID);
    }

    record DemoConversation(
            long inboxId,
            long contactId,
            Long assigneeId,
            Long teamId,
            String status,
            String priority,
            DemoData.Sample sample,
            OffsetDateTime createdAt,
            List<String> replies) {}

    void insertConversation(DSLContext tx, long accountId, DemoConversation c) {
        var lastAt = c.createdAt().plusMinutes(5L * c.replies().size());
        var lastText = c.replies().isEmpty() ? c.sample().text() : c.replies().getLast();
        long conversationId = tx.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.ACCOUNT_ID, accountId)
                .set(CONVERSATIONS.INBOX_ID, c.inboxId())
                .set(CONVERSATIONS.CONTACT_ID, c.contactId())
                .set(CONVERSATIONS.ASSIGNEE_ID, c.assigneeId())
                .set(CONVERSATIONS.TEAM_ID, c.teamId())
                .set(CONVERSATIONS.STATUS, c.status())
                .set(CONVERSATIONS.PRIORITY, c.priority())
                .set(CONVERSATIONS.AI_CATEGORY, c.sample().category())
                .set(CONVERSATIONS.AI_SENTIMENT, c.sample().sentiment())
                .set(CONVERSATIONS.AI_LANGUAGE, c.sample().language())
                .set(CONVERSATIONS.AI_CONFIDENCE, 0.9f)
                .set(CONVERSATIONS.AI_PROVIDER, "demo")
                .set(CONVERSATIONS.LAST_MESSAGE_AT, lastAt)
                .set(CONVERSATIONS.LAST_MESSAGE_PREVIEW, lastText)
                .set(CONVERSATIONS.WAITING_SINCE, c.replies().isEmpty() ? c.createdAt() : null)
                .set(
                        CONVERSATIONS.FIRST_REPLY_AT,
                        c.replies().isEmpty() ? null : c.createdAt().plusMinutes(5))
                .set(CONVERSATIONS.RESOLVED_AT, "resolved".equals(c.status()) ? lastAt : null)
                .set(CONVERSATIONS.CREATED_AT, c.createdAt())
                .set(CONVERSATIONS.UPDATED_AT, lastAt)
                .returning(CONVERSATIONS.ID)
                .fetchSingle(CONVERSATIONS.ID);
        var insert = tx.insertInto(
                        MESSAGES,
                        MESSAGES.ACCOUNT_ID,
                        MESSAGES.CONVERSATION_ID,
                        MESSAGES.MESSAGE_TYPE,
                        MESSAGES.SENDER_TYPE,
                        MESSAGES.SENDER_ID,
                        MESSAGES.CONTENT,
                        MESSAGES.CREATED_AT)
                .values(
                        accountId,
                        conversationId,
                        "incoming",
                        "contact",
                        c.contactId(),
                        c.sample().text(),
                        c.createdAt());
        for (int i = 0; i < c.replies().size(); i++) {
            insert = insert.values(
                    accountId,
                    conversationId,
                    "outgoing",
                    "user",
                    c.assigneeId(),
                    c.replies().get(i),
                    c.createdAt().plusMinutes(5L * (i + 1)));
        }
        long lastMessageId = insert.returning(MESSAGES.ID).fetch().getLast().getId();
        tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.LAST_MESSAGE_ID, lastMessageId)
                .where(CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.ID.eq(conversationId))
                .execute();
    }
}
