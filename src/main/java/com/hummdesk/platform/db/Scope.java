package com.hummdesk.platform.db;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Whose rows a transaction may see under row-level security: an account, a user (their memberships across
 * accounts), a public inbox (looked up by its public identifier), or nothing tenant-scoped at all. Optionally how
 * the transaction's prepared statements are planned ({@link Plans}) and other settings ({@link #with}), set in the same
 * statement. {@code settings} holds names and values in turn; {@code lock}, when set, names a transaction-scoped
 * advisory lock the same statement waits for ({@link #locking}).
 */
public record Scope(Long accountId, Long userId, String publicInbox, Plans plans, List<String> settings, String lock) {
    public static final Scope NONE = new Scope(null, null, null, null, List.of(), null);

    /**
     * PostgreSQL's {@code plan_cache_mode} for the transaction. A statement with bind values is planned anew for
     * each execution ("custom" plans) until PostgreSQL judges the parameterised ("generic") plan no dearer, which
     * for the conversation list it never did: re-planning cost about as much CPU as running it.
     */
    public enum Plans {
        /** Plan once per connection and statement: for statements whose best plan does not depend on the values. */
        GENERIC("force_generic_plan"),
        /** Plan for each execution's values: for statements whose best plan does (full-text search terms). */
        CUSTOM("force_custom_plan");

        private final String setting;

        Plans(String setting) {
            this.setting = setting;
        }
    }

    public static Scope account(long accountId) {
        return new Scope(accountId, null, null, null, List.of(), null);
    }

    public static Scope user(long userId) {
        return new Scope(null, userId, null, null, List.of(), null);
    }

    public static Scope publicInbox(String publicId) {
        return new Scope(null, null, publicId, null, List.of(), null);
    }

    /** This scope, its statements planned as {@code plans} says. */
    public Scope planned(Plans plans) {
        return new Scope(accountId, userId, publicInbox, plans, settings, lock);
    }

    /** This scope with a run-time setting local to the transaction (as {@code SET LOCAL name = value}). */
    public Scope with(String name, String value) {
        var more = new ArrayList<>(settings);
        more.add(name);
        more.add(value);
        return new Scope(accountId, userId, publicInbox, plans, List.copyOf(more), lock);
    }

    /**
     * This scope, its transaction holding the advisory lock named {@code key} (hashed) from the statement that sets
     * it until it ends: transactions naming the same key run one at a time, and each one's later statements see
     * what the previous holder committed. Costs no round trip of its own.
     */
    public Scope locking(String key) {
        return new Scope(accountId, userId, publicInbox, plans, settings, key);
    }

    /**
     * Sets this scope on the current transaction (local to it): the setting travels with the transaction's next
     * statement, no round trip of its own ({@link Pipeline}).
     */
    public void applyTo(DSLContext tx) {
        if (accountId == null
                && userId == null
                && publicInbox == null
                && plans == null
                && settings.isEmpty()
                && lock == null) {
            return;
        }
        Pipeline.of(tx).scope(sql(), values());
    }

    /**
     * The one statement that sets the scope (one round trip for all settings; {@code true} makes each local to the
     * transaction), with {@code ?} for {@link #values}. Public so the list benchmark runs it under pgbench.
     */
    public String sql() {
        var sql = "select set_config('app.account_id', ?, true), set_config('app.user_id', ?, true),"
                + " set_config('app.public_inbox', ?, true)";
        if (plans != null) {
            sql += ", set_config('plan_cache_mode', ?, true)";
        }
        sql += ", set_config(?, ?, true)".repeat(settings.size() / 2);
        return lock == null ? sql : sql + ", pg_advisory_xact_lock(hashtextextended(?, 0))";
    }

    public List<Object> values() {
        var values = new ArrayList<Object>(4 + settings.size());
        values.add(accountId == null ? "" : accountId.toString());
        values.add(userId == null ? "" : userId.toString());
        values.add(publicInbox == null ? "" : publicInbox);
        if (plans != null) {
            values.add(plans.setting);
        }
        values.addAll(settings);
        if (lock != null) {
            values.add(lock);
        }
        return values;
    }
}
