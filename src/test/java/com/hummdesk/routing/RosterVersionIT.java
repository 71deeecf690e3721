package com.hummdesk.routing;

import static com.hummdesk.routing.RoutingFixtures.agent;
import static com.hummdesk.routing.RoutingFixtures.conversation;
import static com.hummdesk.routing.RoutingFixtures.execute;
import static com.hummdesk.routing.RoutingFixtures.history;
import static com.hummdesk.routing.RoutingFixtures.inbox;
import static com.hummdesk.routing.RoutingFixtures.profile;
import static com.hummdesk.routing.RoutingFixtures.team;
import static com.hummdesk.routing.RoutingFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing keeps each account's roster in memory (V21): a second routing module on the same database stands for
 * another node, whose copy must follow every change committed elsewhere, while the loads that every assignment
 * changes are read fresh and never invalidate it.
 */
class RosterVersionIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static RoutingModule otherNode() {
        return RoutingFixtures.node(app, RoutingSettings.defaults());
    }

    private static long version(long accountId) {
        return value(
                app,
                accountId,
                "select coalesce((select version from routing_roster_versions where account_id = ?), 0)",
                accountId);
    }

    @Test
    void an_availability_change_made_elsewhere_reaches_the_next_decision_of_a_node_that_holds_the_roster() {
        long acct = Fixtures.tenant(app, "Rosterco").accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino");
        long bo = agent(app, acct, "Bo");
        profile(app, acct, bo, "offline", 10, List.of(), List.of());
        try (var node = otherNode()) {
            assertThat(node.router().route(acct, conversation(app, acct, inbox)))
                    .isEqualTo(RoutingOutcome.assigned(aino));
            long before = version(acct);

            profile(app, acct, aino, "busy", 10, List.of(), List.of());
            profile(app, acct, bo, "online", 10, List.of(), List.of());

            assertThat(version(acct)).isEqualTo(before + 2);
            assertThat(node.router().route(acct, conversation(app, acct, inbox)))
                    .isEqualTo(RoutingOutcome.assigned(bo));
        }
    }

    @Test
    void team_memberships_and_skills_changed_after_a_decision_count_in_the_next() {
        long acct = Fixtures.tenant(app, "Teamshift").accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino");
        long bo = agent(app, acct, "Bo");
        long tier2 = team(app, acct, "Tier 2", aino);
        profile(app, acct, aino, "online", 10, List.of("billing"), List.of());
        try (var node = otherNode()) {
            var router = node.router();
            assertThat(router.route(acct, conversation(app, acct, inbox, null, tier2, null)))
                    .isEqualTo(RoutingOutcome.assigned(aino));
            assertThat(router.route(acct, conversation(app, acct, inbox, "billing", null, null)))
                    .isEqualTo(RoutingOutcome.assigned(aino));

            execute(app, acct, "delete from team_members where account_id = ? and user_id = ?", acct, aino);
            execute(
                    app,
                    acct,
                    "insert into team_members (account_id, team_id, user_id) values (?, ?, ?)",
                    acct,
                    tier2,
                    bo);
            profile(app, acct, aino, "online", 10, List.of(), List.of());
            profile(app, acct, bo, "online", 10, List.of("billing"), List.of());

            assertThat(router.route(acct, conversation(app, acct, inbox, null, tier2, null)))
                    .isEqualTo(RoutingOutcome.assigned(bo));
            assertThat(router.route(acct, conversation(app, acct, inbox, "billing", null, null)))
                    .isEqualTo(RoutingOutcome.assigned(bo));
        }
    }

    @Test
    void assignments_change_the_loads_every_decision_reads_but_not_the_roster_version() {
        long acct = Fixtures.tenant(app, "Loadco").accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long aino = agent(app, acct, "Aino");
        long bo = agent(app, acct, "Bo");
        try (var node = otherNode()) {
            var router = node.router();
            assertThat(router.route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(aino));
            long version = version(acct);
            // Bo has more room now; then both have one, and Aino was assigned longest ago.
            assertThat(router.route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(bo));
            assertThat(router.route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(aino));
            // An assignment by another node (here: by hand) counts too.
            execute(
                    app,
                    acct,
                    "update conversations set assignee_id = ? where account_id = ? and id = ?",
                    aino,
                    acct,
                    conversation(app, acct, inbox));
            assertThat(router.route(acct, conversation(app, acct, inbox))).isEqualTo(RoutingOutcome.assigned(bo));
            assertThat(version(acct)).isEqualTo(version);
        }
    }

    @Test
    void refreshed_performance_figures_move_the_version_and_rank_the_next_decision() {
        long acct = Fixtures.tenant(app, "Perfco").accountId();
        var inbox = inbox(app, acct, "load_balanced");
        long slow = agent(app, acct, "Slow");
        long fast = agent(app, acct, "Fast");
        history(app, acct, inbox, slow, 5, Duration.ofHours(2), 5);
        history(app, acct, inbox, fast, 5, Duration.ofMinutes(1), 5);
        long before = version(acct);
        try (var node = otherNode()) {
            // The node's first decision refreshes the figures (the bump) and ranks on them.
            assertThat(node.router().route(acct, conversation(app, acct, inbox)))
                    .isEqualTo(RoutingOutcome.assigned(fast));
            assertThat(version(acct)).isEqualTo(before + 1);
        }
    }

    @Test
    void last_assignments_read_as_epoch_seconds_are_the_stored_timestamps_to_the_microsecond() {
        long acct = Fixtures.tenant(app, "Clockco").accountId();
        var rows = app.app().database().inAccount(acct, tx -> tx.fetch("""
                select t, date_part('epoch', t) from (
                    select timestamptz '2026-12-07 01:51:09.123457+00' + make_interval(secs => g * 86413.000017) t
                    from generate_series(-7300, 7300) g) s"""));
        // Twenty years either side of today, a day and a few microseconds apart.
        assertThat(rows).hasSize(14_601).allSatisfy(row -> assertThat(AgentLoads.timestamp(row.get(1, Double.class)))
                .isEqualTo(row.get(0, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
    }
}
