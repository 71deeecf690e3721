package com.hummdesk.routing;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.INBOXES;
import static com.hummdesk.platform.db.generated.Tables.ROUTING_QUEUE;
import static com.hummdesk.platform.db.generated.Tables.TEAM_MEMBERS;

import java.util.Collection;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The queue as an agent who just became free sees it: the longest-waiting conversation they could take. Reads
 * conversations, inboxes, account_users and team_members read-only (other features' tables).
 */
final class WaitingFinder {

    /**
     * The oldest queued conversation that is still unassigned, not resolved, in an inbox that routes automatically,
     * and that the agent qualifies for (its category among their skills, or its team theirs, or neither set); none
     * when the agent is not declared online. {@code skip}: conversations this drain already tried.
     */
    Optional<Long> nextFor(DSLContext tx, long accountId, long agentId, Collection<Long> skip) {
        var q = ROUTING_QUEUE;
        var c = CONVERSATIONS;
        var au = ACCOUNT_USERS;
        var unrestricted = c.AI_CATEGORY.isNull().and(c.TEAM_ID.isNull());
        var skill = DSL.lower(c.AI_CATEGORY).eq(DSL.any(au.SKILLS));
        var team = DSL.exists(DSL.selectOne()
                .from(TEAM_MEMBERS)
                .where(
                        TEAM_MEMBERS.ACCOUNT_ID.eq(c.ACCOUNT_ID),
                        TEAM_MEMBERS.TEAM_ID.eq(c.TEAM_ID),
                        TEAM_MEMBERS.USER_ID.eq(au.USER_ID)));
        return tx.select(q.CONVERSATION_ID)
                .from(q)
                .join(c)
                .on(c.ACCOUNT_ID.eq(q.ACCOUNT_ID), c.ID.eq(q.CONVERSATION_ID))
                .join(INBOXES)
                .on(INBOXES.ACCOUNT_ID.eq(c.ACCOUNT_ID), INBOXES.ID.eq(c.INBOX_ID))
                .join(au)
                .on(au.ACCOUNT_ID.eq(q.ACCOUNT_ID), au.USER_ID.eq(agentId))
                .where(
                        q.ACCOUNT_ID.eq(accountId),
                        c.ASSIGNEE_ID.isNull(),
                        c.STATUS.ne("resolved"),
                        INBOXES.ROUTING_STRATEGY.ne(Strategy.MANUAL.wire()),
                        au.AVAILABILITY.eq("online"),
                        unrestricted.or(skill).or(team),
                        skip.isEmpty() ? DSL.trueCondition() : q.CONVERSATION_ID.notIn(skip))
                .orderBy(q.QUEUED_AT, q.CONVERSATION_ID)
                .limit(1)
                .fetchOptional(q.CONVERSATION_ID);
    }
}
