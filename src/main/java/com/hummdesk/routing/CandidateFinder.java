package com.hummdesk.routing;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.INBOXES;
import static com.hummdesk.platform.db.generated.Tables.ROUTING_AGENT_STATS;
import static com.hummdesk.platform.db.generated.Tables.TEAM_MEMBERS;
import static com.hummdesk.platform.db.generated.Tables.USERS;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * The facts a routing decision is made on, in two statements: the conversation (with its inbox's strategy), then
 * every agent of the account with what the ranking compares. Reads conversations, inboxes, account_users, users and
 * team_members read-only (they belong to the conversations, agents and teams features).
 */
final class CandidateFinder {
    private static final Field<String> ONLINE = DSL.inline("online");

    Optional<RoutedConversation> conversation(DSLContext tx, long accountId, long conversationId) {
        return select(tx, accountId, conversationId).fetchOptional(CandidateFinder::routed);
    }

    /**
     * The conversation, locked until the transaction ends. Decisions that lock an agent before assigning lock the
     * conversation first: an assignment by hand locks the conversation, then (its open-load trigger) the agent, and
     * the same order on both sides keeps them from deadlocking.
     */
    Optional<RoutedConversation> lockConversation(DSLContext tx, long accountId, long conversationId) {
        return select(tx, accountId, conversationId)
                .forNoKeyUpdate()
                .of(CONVERSATIONS)
                .fetchOptional(CandidateFinder::routed);
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
     * Every member of the account, whatever their state, so the decision can say why each was left out. Open load
     * (the counter V16's trigger keeps) is given only for those who are online and qualify. Performance comes
     * precomputed from routing_agent_stats.
     */
    List<CandidateRow> candidates(DSLContext tx, long accountId, RoutedConversation conversation) {
        var au = ACCOUNT_USERS;
        var s = ROUTING_AGENT_STATS;
        var skill = conversation.category() == null
                ? DSL.falseCondition()
                : DSL.val(conversation.category()).eq(DSL.any(au.SKILLS));
        var team = conversation.teamId() == null
                ? DSL.falseCondition()
                : DSL.exists(DSL.selectOne()
                        .from(TEAM_MEMBERS)
                        .where(
                                TEAM_MEMBERS.ACCOUNT_ID.eq(au.ACCOUNT_ID),
                                TEAM_MEMBERS.TEAM_ID.eq(conversation.teamId()),
                                TEAM_MEMBERS.USER_ID.eq(au.USER_ID)));
        var language = conversation.language() == null
                ? DSL.falseCondition()
                : DSL.val(conversation.language()).eq(DSL.any(au.LANGUAGES));
        // Skills steer routing once the account uses them: in an account where no agent has any skill yet, an AI
        // category alone would queue every classified conversation for nobody.
        var skillsInUse = DSL.exists(DSL.selectOne()
                .from(ACCOUNT_USERS.as("skilled"))
                .where(
                        ACCOUNT_USERS.as("skilled").ACCOUNT_ID.eq(accountId),
                        DSL.cardinality(ACCOUNT_USERS.as("skilled").SKILLS).gt(0)));
        var categoryOnly = conversation.category() != null && conversation.teamId() == null;
        Condition qualifies = !conversation.restricted()
                ? DSL.trueCondition()
                : categoryOnly ? skill.or(DSL.not(skillsInUse)) : skill.or(team);
        var online = au.AVAILABILITY.eq(ONLINE);
        var open = DSL.when(online.and(qualifies), au.OPEN_CONVERSATIONS);
        return tx.select(
                        au.USER_ID,
                        USERS.NAME,
                        DSL.field(online),
                        au.MAX_CONCURRENT,
                        open,
                        DSL.field(qualifies),
                        DSL.field(skill),
                        DSL.field(team),
                        DSL.field(language),
                        s.HANDLED,
                        s.MEDIAN_FIRST_RESPONSE_SECONDS,
                        s.RESOLUTION_RATE,
                        au.LAST_ASSIGNED_AT)
                .from(au)
                .join(USERS)
                .on(USERS.ID.eq(au.USER_ID))
                .leftJoin(s)
                .on(s.ACCOUNT_ID.eq(au.ACCOUNT_ID), s.USER_ID.eq(au.USER_ID))
                .where(au.ACCOUNT_ID.eq(accountId))
                .orderBy(au.USER_ID)
                .fetch(r -> new CandidateRow(
                        r.value1(),
                        r.value2(),
                        Boolean.TRUE.equals(r.value3()),
                        r.value4(),
                        r.value5(),
                        Boolean.TRUE.equals(r.value6()),
                        Boolean.TRUE.equals(r.value7()),
                        Boolean.TRUE.equals(r.value8()),
                        Boolean.TRUE.equals(r.value9()),
                        r.value10() == null ? 0 : r.value10(),
                        r.value11(),
                        r.value12(),
                        r.value13()));
    }
}
