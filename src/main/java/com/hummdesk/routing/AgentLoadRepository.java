package com.hummdesk.routing;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The locks that keep concurrent decisions from overfilling an agent, and the fairness clock: routing writes
 * account_users.last_assigned_at (the column exists for it) and nothing else of the agents' table; the open load
 * counter is kept by the database (V16).
 */
final class AgentLoadRepository {

    /** Serialises routing decisions of one account until the transaction ends. */
    void lockAccount(DSLContext tx, long accountId) {
        tx.select(DSL.field(
                        "pg_advisory_xact_lock(hashtextextended({0}, 0))",
                        Object.class, DSL.val("routing:" + accountId)))
                .fetch();
    }

    /**
     * Locks the agent's membership row until the transaction ends (NO KEY UPDATE: foreign key checks of
     * conversations being assigned to them elsewhere are not blocked) and reads their open load under the lock. The
     * trigger that keeps the counter updates this row, so every assignment committed before the lock is counted and
     * none in flight can slip past it.
     */
    int lockAgentAndCountOpen(DSLContext tx, long accountId, long agentId) {
        return tx.select(ACCOUNT_USERS.OPEN_CONVERSATIONS)
                .from(ACCOUNT_USERS)
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.USER_ID.eq(agentId))
                .forNoKeyUpdate()
                .fetchOptional(ACCOUNT_USERS.OPEN_CONVERSATIONS)
                .orElse(Integer.MAX_VALUE);
    }

    /**
     * Records when the agent last got a conversation, for least-recently-assigned fairness. clock_timestamp(), not
     * now(): decisions that waited for the lock started earlier than they commit, and their order must be kept.
     */
    void markAssigned(DSLContext tx, long accountId, long agentId) {
        tx.update(ACCOUNT_USERS)
                .set(ACCOUNT_USERS.LAST_ASSIGNED_AT, DSL.field("clock_timestamp()", OffsetDateTime.class))
                .where(ACCOUNT_USERS.ACCOUNT_ID.eq(accountId), ACCOUNT_USERS.USER_ID.eq(agentId))
                .execute();
    }
}
