package com.hummdesk.platform.db;

import org.jooq.DSLContext;

/**
 * Whose rows a transaction may see under row-level security: an account, a user (their memberships across
 * accounts), a public inbox (looked up by its public identifier), or nothing tenant-scoped at all.
 */
public record Scope(Long accountId, Long userId, String publicInbox) {
    public static final Scope NONE = new Scope(null, null, null);

    public static Scope account(long accountId) {
        return new Scope(accountId, null, null);
    }

    public static Scope user(long userId) {
        return new Scope(null, userId, null);
    }

    public static Scope publicInbox(String publicId) {
        return new Scope(null, null, publicId);
    }

    /** Sets this scope on the current transaction (local to it). */
    public void applyTo(DSLContext tx) {
        if (accountId == null && userId == null && publicInbox == null) {
            return;
        }
        // One round trip for all settings; `true` makes each local to this transaction.
        tx.fetch(
                "select set_config('app.account_id', ?, true), set_config('app.user_id', ?, true),"
                        + " set_config('app.public_inbox', ?, true)",
                accountId == null ? "" : accountId.toString(),
                userId == null ? "" : userId.toString(),
                publicInbox == null ? "" : publicInbox);
    }
}
