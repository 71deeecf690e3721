package com.hummdesk.routing;

import static com.hummdesk.platform.db.generated.Tables.ACCOUNT_USERS;

import com.hummdesk.platform.db.Scope;
import org.jooq.DSLContext;

/**
 * The locks that keep concurrent decisions from overfilling an agent. The open load counter is kept by the database
 * (V16); the fairness clock, account_users.last_assigned_at, is written with the decision
 * ({@link DecisionRepository#recordAssignment}), the only column of the agents' table routing writes.
 */
final class AgentLoadRepository {

    /**
     * The account's scope for a decision that runs alone: its transaction holds the account's routing lock from the
     * statement that sets the scope (no round trip of its own) until it ends.
     */
    static Scope accountLocked(long accountId) {
        return Scope.account(accountId).locking("routing:" + accountId);
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
}
