package com.hummdesk.teams;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.TEAM_MEMBERS;
import static com.hummdesk.platform.db.generated.Tables.USERS;
import static org.jooq.Records.mapping;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Reads the agents feature's tables (account_users, users) read-only: who the members of a team are, and whether
 * user ids belong to the account at all.
 */
final class TeamsFinder {

    List<TeamMember> members(DSLContext tx, long accountId, long teamId) {
        return tx.select(USERS.ID, USERS.NAME, USERS.EMAIL, ACCOUNT_USERS.ROLE, ACCOUNT_USERS.AVAILABILITY)
                .from(TEAM_MEMBERS)
                .join(ACCOUNT_USERS)
                .on(
                        ACCOUNT_USERS.ACCOUNT_ID.eq(TEAM_MEMBERS.ACCOUNT_ID),
                        ACCOUNT_USERS.USER_ID.eq(TEAM_MEMBERS.USER_ID))
                .join(USERS)
                .on(USERS.ID.eq(ACCOUNT_USERS.USER_ID))
                .where(TEAM_MEMBERS.ACCOUNT_ID.eq(accountId), TEAM_MEMBERS.TEAM_ID.eq(teamId))
                .orderBy(USERS.NAME, USERS.ID)
                .fetch(mapping(TeamMember::new));
    }

    /** The subset of {@code userIds} that are members of the account. */
    Set<Long> accountMembers(DSLContext tx, long accountId, Collection<Long> userIds) {
        return new HashSet<>(tx.select(ACCOUNT_USERS.USER_ID)
                .from(ACCOUNT_USERS)
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.USER_ID.in(userIds))
                .fetch(ACCOUNT_USERS.USER_ID));
    }
}
