package com.hummdesk.teams;

import static com.hummdesk.platform.db.generated.Tables.TEAMS;
import static com.hummdesk.platform.db.generated.Tables.TEAM_MEMBERS;
import static org.jooq.Records.mapping;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;

/** SQL for teams and team_members, the teams feature's own tables. */
final class TeamsRepository {

    List<TeamSummary> page(DSLContext tx, long accountId, int offset, int limit) {
        return select(tx)
                .from(TEAMS)
                .where(TEAMS.ACCOUNT_ID.eq(accountId))
                .orderBy(TEAMS.NAME, TEAMS.ID)
                .offset(offset)
                .limit(limit)
                .fetch(mapping(TeamSummary::new));
    }

    long count(DSLContext tx, long accountId) {
        return tx.fetchCount(TEAMS, TEAMS.ACCOUNT_ID.eq(accountId));
    }

    Optional<TeamSummary> find(DSLContext tx, long accountId, long id) {
        return select(tx)
                .from(TEAMS)
                .where(TEAMS.ACCOUNT_ID.eq(accountId), TEAMS.ID.eq(id))
                .fetchOptional(mapping(TeamSummary::new));
    }

    /** Locks the team row, so concurrent member changes and a delete of the same team queue up. */
    boolean lock(DSLContext tx, long accountId, long id) {
        return tx.select(TEAMS.ID)
                .from(TEAMS)
                .where(TEAMS.ACCOUNT_ID.eq(accountId), TEAMS.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .isPresent();
    }

    long insert(DSLContext tx, long accountId, String name, String description) {
        return tx.insertInto(TEAMS)
                .set(TEAMS.ACCOUNT_ID, accountId)
                .set(TEAMS.NAME, name)
                .set(TEAMS.DESCRIPTION, description)
                .returning(TEAMS.ID)
                .fetchSingle(TEAMS.ID);
    }

    void update(DSLContext tx, long accountId, long id, String name, String description) {
        tx.update(TEAMS)
                .set(TEAMS.NAME, name)
                .set(TEAMS.DESCRIPTION, description)
                .where(TEAMS.ACCOUNT_ID.eq(accountId), TEAMS.ID.eq(id))
                .execute();
    }

    /** Conversations of the team keep going, unassigned from it (the foreign key sets their team_id to NULL). */
    void delete(DSLContext tx, long accountId, long id) {
        tx.deleteFrom(TEAMS)
                .where(TEAMS.ACCOUNT_ID.eq(accountId), TEAMS.ID.eq(id))
                .execute();
    }

    /** Adds whoever is not a member yet; returns how many were added. */
    int addMembers(DSLContext tx, long accountId, long teamId, Collection<Long> userIds) {
        var insert = tx.insertInto(TEAM_MEMBERS, TEAM_MEMBERS.ACCOUNT_ID, TEAM_MEMBERS.TEAM_ID, TEAM_MEMBERS.USER_ID);
        for (var userId : userIds) {
            insert = insert.values(accountId, teamId, userId);
        }
        return insert.onConflictDoNothing().execute();
    }

    boolean removeMember(DSLContext tx, long accountId, long teamId, long userId) {
        return tx.deleteFrom(TEAM_MEMBERS)
                        .where(
                                TEAM_MEMBERS.ACCOUNT_ID.eq(accountId),
                                TEAM_MEMBERS.TEAM_ID.eq(teamId),
                                TEAM_MEMBERS.USER_ID.eq(userId))
                        .execute()
                > 0;
    }

    private static SelectSelectStep<Record5<Long, String, String, Integer, OffsetDateTime>> select(DSLContext tx) {
        Field<Integer> members = DSL.field(DSL.selectCount()
                .from(TEAM_MEMBERS)
                .where(TEAM_MEMBERS.ACCOUNT_ID.eq(TEAMS.ACCOUNT_ID), TEAM_MEMBERS.TEAM_ID.eq(TEAMS.ID)));
        return tx.select(TEAMS.ID, TEAMS.NAME, TEAMS.DESCRIPTION, members, TEAMS.CREATED_AT);
    }
}
