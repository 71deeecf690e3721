package com.hummdesk.routing;

import java.time.Duration;
import org.jooq.DSLContext;

/**
 * Recomputes every agent's recent performance (routing_agent_stats) in one statement per account: of the
 * conversations assigned to them and created within the window, how many, the median time to the first reply, and
 * the share resolved, and the account's roster version moves on so that every node's roster takes them in (V21).
 * Reads account_users and conversations read-only; the window is served by the conversations_account_created_idx
 * index.
 */
final class AgentStatsRepository {
    private static final String REFRESH = """
            with refreshed as (
            insert into routing_agent_stats
                (account_id, user_id, handled, median_first_response_seconds, resolution_rate, computed_at)
            select au.account_id, au.user_id, count(c.id),
                   percentile_cont(0.5) within group (order by extract(epoch from c.first_reply_at - c.created_at)),
                   count(c.resolved_at)::double precision / nullif(count(c.id), 0),
                   clock_timestamp()
            from account_users au
            left join conversations c
                on c.account_id = au.account_id and c.assignee_id = au.user_id
                and c.created_at >= now() - make_interval(secs => ?)
            where au.account_id = ?
            group by au.account_id, au.user_id
            on conflict (account_id, user_id) do update set
                handled = excluded.handled,
                median_first_response_seconds = excluded.median_first_response_seconds,
                resolution_rate = excluded.resolution_rate,
                computed_at = excluded.computed_at
            )
            insert into routing_roster_versions (account_id, version) values (?, 1)
            on conflict (account_id) do update set version = routing_roster_versions.version + 1
            """;

    void refresh(DSLContext tx, long accountId, Duration window) {
        tx.execute(REFRESH, (double) window.toSeconds(), accountId, accountId);
    }
}
