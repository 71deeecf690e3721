package com.hummdesk.routing;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.INBOXES;
import static com.hummdesk.platform.db.generated.Tables.ROUTING_AGENT_STATS;
import static com.hummdesk.platform.db.generated.Tables.ROUTING_ROSTER_VERSIONS;
import static com.hummdesk.platform.db.generated.Tables.TEAM_MEMBERS;
import static com.hummdesk.platform.db.generated.Tables.USERS;

import com.hummdesk.platform.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * The facts a routing decision is made on: per decision one statement (the conversation with its inbox's strategy,
 * every member's load and the roster's version), and the roster itself when it changed ({@link RosterCache}). Reads
 * conversations, inboxes, account_users, users and team_members read-only (they belong to the conversations, agents
 * and teams features).
 */
final class CandidateFinder {
    private static final Field<String> ONLINE = DSL.inline("online");

    /**
     * One pass over the memberships, in no particular order (matched by user id): ordering or converting each
     * timestamp to a numeric had doubled this statement's time with 200 agents. Last assignments travel as float8
     * epoch seconds (exact to the microsecond at today's dates, see {@link AgentLoads}); timestamp arrays as text
     * and jOOQ's query building were half of a decision's CPU in the JVM. Constant SQL run by {@link Jdbc}.
     */
    private static final String FACTS = """
            select c.id, i.routing_strategy, c.status, c.assignee_id, c.team_id, c.ai_category, c.ai_language,
                   (select v.version from routing_roster_versions v where v.account_id = c.account_id),
                   l.user_ids, l.open, l.last_assigned
            from conversations c
            join inboxes i on i.account_id = c.account_id and i.id = c.inbox_id
            cross join lateral (
                select array_agg(au.user_id) as user_ids, array_agg(au.open_conversations) as open,
                       array_agg(date_part('epoch', au.last_assigned_at)) as last_assigned
                from account_users au where au.account_id = c.account_id) l
            where c.account_id = ? and c.id = ?""";

    Optional<RoutedConversation> conversation(DSLContext tx, long accountId, long conversationId) {
        return select(tx, accountId, conversationId).fetchOptional(CandidateFinder::routed);
    }

    private static SelectConditionStep<Record7<Long, String, String, Long, Long, String, String>> select(
            DSLContext tx, long accountId, long conversationId) {
        var c = CONVERSATIONS;
        var i = INBOXES;
        return tx.select(c.ID, i.ROUTING_STRATEGY, c.STATUS, c.ASSIGNEE_ID, c.TEAM_ID, c.AI_CATEGORY, c.AI_LANGUAGE)
                .from(c)
                .join(i)
                .on(i.ACCOUNT_ID.eq(c.ACCOUNT_ID), i.ID.eq(c.INBOX_ID))
                .where(c.ACCOUNT_ID.eq(accountId), c.ID.eq(conversationId));
    }

    private static RoutedConversation routed(Record7<Long, String, String, Long, Long, String, String> r) {
        return RoutedConversation.of(
                r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7());
    }

    /**
     * The conversation and, read in the same snapshot, every member's load and the roster's version: what a decision
     * needs besides the roster. {@code lock}: the conversation stays locked until the transaction ends. Decisions that
     * lock an agent before assigning lock the conversation first: an assignment by hand locks the conversation, then
     * (its open-load trigger) the agent, and the same order on both sides keeps them from deadlocking.
     */
    Optional<DecisionFacts> facts(DSLContext tx, long accountId, long conversationId, boolean lock) {
        var sql = lock ? FACTS + " for no key update of c" : FACTS;
        return Jdbc.first(tx, sql, CandidateFinder::facts, accountId, conversationId);
    }

    private static DecisionFacts facts(ResultSet row) throws SQLException {
        var conversation = RoutedConversation.of(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getObject(4, Long.class),
                row.getObject(5, Long.class),
                row.getString(6),
                row.getString(7));
        return new DecisionFacts(
                conversation,
                AgentLoads.of(
                        row.getObject(8, Long.class),
                        array(row, 9, Long[].class),
                        array(row, 10, Integer[].class),
                        array(row, 11, Double[].class)));
    }

    private static <T> T array(ResultSet row, int column, Class<T> type) throws SQLException {
        var array = row.getArray(column);
        return array == null ? null : type.cast(array.getArray());
    }

    /**
     * Every member of the account with what does not change per assignment, and the roster version it is as of
     * (same snapshot). Performance comes precomputed from routing_agent_stats.
     */
    Roster roster(DSLContext tx, long accountId, Instant now) {
        var au = ACCOUNT_USERS;
        var s = ROUTING_AGENT_STATS;
        var tm = TEAM_MEMBERS;
        var v = ROUTING_ROSTER_VERSIONS;
        var rows = tx.select(
                        au.USER_ID,
                        USERS.NAME,
                        DSL.field(au.AVAILABILITY.eq(ONLINE)),
                        au.MAX_CONCURRENT,
                        au.SKILLS,
                        au.LANGUAGES,
                        DSL.array(DSL.select(tm.TEAM_ID)
                                .from(tm)
                                .where(tm.ACCOUNT_ID.eq(au.ACCOUNT_ID), tm.USER_ID.eq(au.USER_ID))),
                        s.HANDLED,
                        s.MEDIAN_FIRST_RESPONSE_SECONDS,
                        s.RESOLUTION_RATE,
                        DSL.field(DSL.select(v.VERSION).from(v).where(v.ACCOUNT_ID.eq(au.ACCOUNT_ID))))
                .from(au)
                .join(USERS)
                .on(USERS.ID.eq(au.USER_ID))
                .leftJoin(s)
                .on(s.ACCOUNT_ID.eq(au.ACCOUNT_ID), s.USER_ID.eq(au.USER_ID))
                .where(au.ACCOUNT_ID.eq(accountId))
                .orderBy(au.USER_ID)
                .fetch();
        var agents = rows.map(r -> new AgentProfile(
                r.value1(),
                r.value2(),
                Boolean.TRUE.equals(r.value3()),
                r.value4(),
                set(r.value5()),
                set(r.value6()),
                set(r.value7()),
                r.value8() == null ? 0 : r.value8(),
                r.value9(),
                r.value10()));
        long version = rows.isEmpty() || rows.getFirst().value11() == null
                ? 0
                : rows.getFirst().value11();
        return new Roster(version, now, agents);
    }

    private static <T> Set<T> set(T[] values) {
        return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
    }
}
