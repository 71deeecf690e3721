package com.hummdesk.conversations;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATION_LABELS;
import static com.hummdesk.platform.db.generated.Tables.LABELS;
import static com.hummdesk.platform.db.generated.Tables.TEAMS;
import static com.hummdesk.platform.db.generated.Tables.USERS;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Names and ids of what a conversation refers to, checked to be in the account. Reads account_users + users,
 * teams, labels and conversation_labels read-only (they belong to the agents, teams and labels features).
 */
final class ReferenceFinder {

    /** Names of those of {@code userIds} who are members of the account. */
    Map<Long, String> memberNames(DSLContext tx, long accountId, Collection<Long> userIds) {
        return tx.select(USERS.ID, USERS.NAME)
                .from(ACCOUNT_USERS)
                .join(USERS)
                .on(USERS.ID.eq(ACCOUNT_USERS.USER_ID))
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.USER_ID.in(nonNull(userIds)))
                .fetchMap(USERS.ID, USERS.NAME);
    }

    Map<Long, String> teamNames(DSLContext tx, long accountId, Collection<Long> teamIds) {
        return tx.select(TEAMS.ID, TEAMS.NAME)
                .from(TEAMS)
                .where(TEAMS.ACCOUNT_ID.eq(accountId), TEAMS.ID.in(nonNull(teamIds)))
                .fetchMap(TEAMS.ID, TEAMS.NAME);
    }

    /** Label name to id, for those of {@code names} that exist in the account. */
    Map<String, Long> labelIds(DSLContext tx, long accountId, Collection<String> names) {
        return tx.select(LABELS.NAME, LABELS.ID)
                .from(LABELS)
                .where(LABELS.ACCOUNT_ID.eq(accountId), LABELS.NAME.in(names))
                .fetchMap(LABELS.NAME, LABELS.ID);
    }

    /** The conversation's labels, name to id, sorted by name. */
    Map<String, Long> labelsOf(DSLContext tx, long accountId, long conversationId) {
        return new TreeMap<>(tx.select(LABELS.NAME, LABELS.ID)
                .from(CONVERSATION_LABELS)
                .join(LABELS)
                .on(LABELS.ACCOUNT_ID.eq(CONVERSATION_LABELS.ACCOUNT_ID), LABELS.ID.eq(CONVERSATION_LABELS.LABEL_ID))
                .where(
                        CONVERSATION_LABELS.ACCOUNT_ID.eq(accountId),
                        CONVERSATION_LABELS.CONVERSATION_ID.eq(conversationId))
                .fetchMap(LABELS.NAME, LABELS.ID));
    }

    private static java.util.List<Long> nonNull(Collection<Long> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
