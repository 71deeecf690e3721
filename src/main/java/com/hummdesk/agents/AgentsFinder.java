package com.hummdesk.agents;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.TEAMS;
import static com.hummdesk.platform.db.generated.Tables.TEAM_MEMBERS;
import static com.hummdesk.platform.db.generated.Tables.USERS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The agent directory. Reads conversations (open load per assignee) and teams/team_members (each agent's teams)
 * read-only, next to the agents feature's own account_users and users. Three queries per page, whatever its size.
 */
final class AgentsFinder {

    List<Agent> page(DSLContext tx, long accountId, int offset, int limit) {
        var rows = base(tx, ACCOUNT_USERS.ACCOUNT_ID.eq(accountId))
                .orderBy(USERS.NAME, USERS.ID)
                .offset(offset)
                .limit(limit)
                .fetch();
        return assemble(tx, accountId, rows);
    }

    long count(DSLContext tx, long accountId) {
        return tx.fetchCount(ACCOUNT_USERS, ACCOUNT_USERS.ACCOUNT_ID.eq(accountId));
    }

    Optional<Agent> find(DSLContext tx, long accountId, long userId) {
        var rows = base(tx, ACCOUNT_USERS.ACCOUNT_ID.eq(accountId).and(ACCOUNT_USERS.USER_ID.eq(userId)))
                .fetch();
        return assemble(tx, accountId, rows).stream().findFirst();
    }

    private static org.jooq.SelectConditionStep<? extends Record> base(DSLContext tx, Condition where) {
        return tx.select(
                        USERS.ID,
                        USERS.NAME,
                        USERS.EMAIL,
                        ACCOUNT_USERS.ROLE,
                        ACCOUNT_USERS.AVAILABILITY,
                        ACCOUNT_USERS.MAX_CONCURRENT,
                        ACCOUNT_USERS.SKILLS,
                        ACCOUNT_USERS.LANGUAGES,
                        ACCOUNT_USERS.OPEN_CONVERSATIONS,
                        ACCOUNT_USERS.CREATED_AT)
                .from(ACCOUNT_USERS)
                .join(USERS)
                .on(USERS.ID.eq(ACCOUNT_USERS.USER_ID))
                .where(where);
    }

    private static List<Agent> assemble(DSLContext tx, long accountId, List<? extends Record> rows) {
        var ids = rows.stream().map(r -> r.get(USERS.ID)).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        var teams = teams(tx, accountId, ids);
        return rows.stream()
                .map(r -> new Agent(
                        r.get(USERS.ID),
                        r.get(USERS.NAME),
                        r.get(USERS.EMAIL),
                        r.get(ACCOUNT_USERS.ROLE),
                        r.get(ACCOUNT_USERS.AVAILABILITY),
                        r.get(ACCOUNT_USERS.MAX_CONCURRENT),
                        Arrays.asList(r.get(ACCOUNT_USERS.SKILLS)),
                        Arrays.asList(r.get(ACCOUNT_USERS.LANGUAGES)),
                        r.get(ACCOUNT_USERS.OPEN_CONVERSATIONS),
                        teams.getOrDefault(r.get(USERS.ID), List.of()),
                        r.get(ACCOUNT_USERS.CREATED_AT)))
                .toList();
    }

    private static Map<Long, List<Agent.AgentTeam>> teams(DSLContext tx, long accountId, List<Long> userIds) {
        var byUser = new HashMap<Long, List<Agent.AgentTeam>>();
        tx.select(TEAM_MEMBERS.USER_ID, TEAMS.ID, TEAMS.NAME)
                .from(TEAM_MEMBERS)
                .join(TEAMS)
                .on(TEAMS.ACCOUNT_ID.eq(TEAM_MEMBERS.ACCOUNT_ID), TEAMS.ID.eq(TEAM_MEMBERS.TEAM_ID))
                .where(TEAM_MEMBERS.ACCOUNT_ID.eq(accountId), TEAM_MEMBERS.USER_ID.in(userIds))
                .orderBy(TEAMS.NAME, TEAMS.ID)
                .forEach(r -> byUser.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Agent.AgentTeam(r.value2(), r.value3())));
        return byUser;
    }
}
