package com.hummdesk.bench;

import com.hummdesk.accounts.AccountService;
import com.hummdesk.conversations.ConversationsModule;
import com.hummdesk.platform.config.DatabaseUrl;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.db.StatementCounter;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.routing.RoutingModule;
import com.hummdesk.routing.RoutingOutcome;
import com.hummdesk.routing.RoutingPresence;
import com.hummdesk.routing.RoutingSettings;
import com.hummdesk.routing.RoutingSettings.LockScope;
import com.hummdesk.testing.JitWarmUp;
import com.hummdesk.testing.TestDatabases;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long one routing decision takes for an account of 200 agents with a long history, and how many decisions per
 * second 16 threads get through under each lock scope. Runs against a fresh database cloned from the test template
 * (bench/routing/run.sh); prints Markdown for bench/routing/RESULTS.md.
 *
 * <p>Arguments: agents (200), history conversations over 90 days (200000), decisions timed (3000), threads (16).
 */
public final class RoutingBench {
    private static final List<String> CATEGORIES = List.of("billing", "technical", "account", "sales");
    private static final List<String> LANGUAGES = List.of("en", "fi", "de", "sv");
    /** Conversations routed in each warm-up round. */
    private static final int WARMUP = 1000;

    private static final int MAX_WARMUP_ROUNDS = 12;
    private static final double QUIET_JIT_SHARE = 0.05;
    /** ROUTING_BENCH_ROUTE_ONLY set: no read-only decision before each real one (for profiles of route() alone). */
    private static final boolean ROUTE_ONLY = System.getenv("ROUTING_BENCH_ROUTE_ONLY") != null;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Database db;
    private final long accountId;
    private final DatabaseUrl owner;

    private RoutingBench(Database db, long accountId, DatabaseUrl owner) {
        this.db = db;
        this.accountId = accountId;
        this.owner = owner;
    }

    public static void main(String[] args) throws Exception {
        int agents = arg(args, 0, 200);
        int history = arg(args, 1, 200_000);
        int decisions = arg(args, 2, 3_000);
        int threads = arg(args, 3, 16);
        var name = TestDatabases.create();
        try (var db = new Database(TestDatabases.appUrl(name), threads + 4, null)) {
            long started = System.nanoTime();
            long accountId = new AccountService(db, password -> "bench-not-a-hash")
                    .createAccount("Routing bench", "Bench Owner", "owner@routing-bench.test", "unused-password")
                    .accountId();
            var bench = new RoutingBench(db, accountId, TestDatabases.ownerUrl(name));
            bench.load(agents, history);
            vacuumAnalyze(bench.owner);
            System.out.printf(
                    Locale.ROOT,
                    "Loaded %d agents, %d history conversations in %.1f s%n%n",
                    agents,
                    history,
                    (System.nanoTime() - started) / 1e9);
            var targets = bench.targets(WARMUP + decisions);
            bench.single(targets, decisions);
            for (var scope : LockScope.values()) {
                bench.parallel(scope, targets.subList(0, decisions), threads);
            }
        } finally {
            if (System.getenv("ROUTING_BENCH_KEEP_DB") == null) {
                TestDatabases.drop(name);
            } else {
                System.out.println("Kept database " + name + " (ROUTING_BENCH_KEEP_DB)");
            }
        }
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    /** Agents (online, 40..100 capacity, skills, languages, one team each), contacts, history and open load. */
    private void load(int agents, int history) {
        var ids = db.global(tx -> tx.fetch(
                        "insert into users (email, name, password_hash)"
                                + " select 'agent' || g || '-' || ? || '@routing-bench.test', 'Agent ' || g, 'x'"
                                + " from generate_series(1, ?) g returning id",
                        accountId,
                        agents)
                .getValues(0, Long.class));
        db.runInAccount(accountId, tx -> {
            tx.execute(
                    "insert into account_users (account_id, user_id, role, availability, max_concurrent, skills,"
                            + " languages) select ?, id, 'agent', 'online', 40 + (id % 7) * 10,"
                            + " array[(array['billing','technical','account','sales'])[1 + id % 4],"
                            + " (array['billing','technical','account','sales'])[1 + (id / 4) % 4]]::varchar[],"
                            + " array['en', (array['fi','de','sv'])[1 + id % 3]]::varchar[]"
                            + " from unnest(?::bigint[]) id",
                    accountId, ids.toArray(Long[]::new));
            tx.execute(
                    "insert into teams (account_id, name) select ?, c from unnest(?::varchar[]) c",
                    accountId,
                    CATEGORIES.toArray(String[]::new));
            tx.execute(
                    "insert into team_members (account_id, team_id, user_id)"
                            + " select au.account_id, t.id, au.user_id from account_users au"
                            + " join teams t on t.account_id = au.account_id"
                            + " and t.name = (array['billing','technical','account','sales'])[1 + au.user_id % 4]"
                            + " where au.account_id = ? and au.role = 'agent'",
                    accountId);
            tx.execute(
                    "insert into inboxes (account_id, name, public_id) values (?, 'Bench', 'bench-' || ?)",
                    accountId,
                    accountId);
            tx.execute(
                    "insert into contacts (account_id, name) select ?, 'Customer ' || g from generate_series(1, 2000) g",
                    accountId);
            // History: resolved conversations over 90 days (about 8% of them in the 7-day window), each answered
            // after 1..60 minutes; then 20..40 open ones per agent.
            tx.execute(
                    "insert into conversations (account_id, inbox_id, contact_id, assignee_id, status, ai_category,"
                            + " created_at, first_reply_at, resolved_at)"
                            + " select ?, i.id, (select min(id) from contacts where account_id = ?) + g % 2000,"
                            + " (?::bigint[])[1 + g % ?], 'resolved', (array['billing','technical','account',"
                            + "'sales'])[1 + g % 4], now() - (g % 90) * interval '1 day' - (g % 1440) * interval"
                            + " '1 minute', now() - (g % 90) * interval '1 day' - (g % 1440) * interval '1 minute'"
                            + " + (1 + g % 60) * interval '1 minute', now() - (g % 90) * interval '1 day'"
                            + " from generate_series(1, ?) g, inboxes i where i.account_id = ?",
                    accountId, accountId, ids.toArray(Long[]::new), ids.size(), history, accountId);
            tx.execute(
                    "insert into conversations (account_id, inbox_id, contact_id, assignee_id, status)"
                            + " select ?, i.id, (select min(id) from contacts where account_id = ?), au.user_id,"
                            + " (array['open','pending','snoozed'])[1 + g % 3]"
                            + " from account_users au cross join inboxes i"
                            + " cross join lateral generate_series(1, 20 + (au.user_id % 21)::int) g"
                            + " where au.account_id = ? and au.role = 'agent' and i.account_id = ?",
                    accountId, accountId, accountId, accountId);
        });
    }

    /** Unassigned conversations to route, half of them with a category, a team or a language. */
    private List<Long> targets(int count) {
        return db.inAccount(accountId, tx -> tx.fetch(
                        "insert into conversations (account_id, inbox_id, contact_id, ai_category, team_id,"
                                + " ai_language)"
                                + " select ?, i.id, (select min(id) from contacts where account_id = ?),"
                                + " case when g % 2 = 0 then (array['billing','technical','account','sales'])"
                                + "[1 + g % 4] end,"
                                + " case when g % 3 = 0 then (select min(id) from teams where account_id = ?)"
                                + " + g % 4 end,"
                                + " case when g % 5 < 4 then (array['en','fi','de','sv'])[1 + g % 4] end"
                                + " from generate_series(1, ?) g, inboxes i where i.account_id = ?"
                                + " returning id",
                        accountId, accountId, accountId, count, accountId)
                .getValues(0, Long.class));
    }

    private RoutingModule routing(LockScope scope) {
        var bus = new EventBus();
        return new RoutingModule(
                db,
                bus,
                new ConversationsModule(db, bus, session -> "").assignments(),
                RoutingPresence.DECLARED_AVAILABILITY,
                RoutingSettings.defaults().withLockScope(scope));
    }

    /** One thread, one decision at a time: the latency of route() end to end (two transactions' worth of SQL). */
    private void single(List<Long> targets, int decisions) {
        try (var routing = routing(LockScope.ACCOUNT)) {
            warmUp(routing, targets.subList(decisions, targets.size()));
            var nanos = new long[decisions];
            var suggestNanos = new long[decisions];
            int agreed = 0;
            long statements = StatementCounter.INSTANCE.count();
            long suggestStatements = 0;
            long routeCpu = 0;
            long routeTrips = 0;
            long suggestTrips = 0;
            var outcomes = new ConcurrentHashMap<RoutingOutcome.Result, Integer>();
            var walBefore = wal();
            long jitBefore = JitWarmUp.compilingSoFar();
            for (int i = 0; i < decisions; i++) {
                // The read-only decision first (what route() will choose), then the decision that assigns.
                long before = StatementCounter.INSTANCE.count();
                long tripsBefore = StatementCounter.INSTANCE.roundTrips();
                long start = System.nanoTime();
                var suggested =
                        ROUTE_ONLY ? Optional.<Long>empty() : routing.router().suggest(accountId, targets.get(i));
                suggestNanos[i] = System.nanoTime() - start;
                suggestStatements += StatementCounter.INSTANCE.count() - before;
                suggestTrips += StatementCounter.INSTANCE.roundTrips() - tripsBefore;
                tripsBefore = StatementCounter.INSTANCE.roundTrips();
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                start = System.nanoTime();
                var outcome = routing.router().route(accountId, targets.get(i));
                nanos[i] = System.nanoTime() - start;
                routeCpu += THREADS.getCurrentThreadCpuTime() - cpuBefore;
                routeTrips += StatementCounter.INSTANCE.roundTrips() - tripsBefore;
                outcomes.merge(outcome.result(), 1, Integer::sum);
                if (suggested.isPresent() && suggested.get().equals(outcome.assigneeId())) {
                    agreed++;
                }
            }
            var walAfter = wal();
            long jitDuring = JitWarmUp.compilingSoFar() - jitBefore;
            long perDecision = (StatementCounter.INSTANCE.count() - statements - suggestStatements) / decisions;
            System.out.println("## One decision at a time (" + decisions + " decisions after the warm-up, 1 thread)");
            System.out.println();
            System.out.println(
                    "| p50 | p90 | p99 | p99.9 | max | mean | statements/decision | round trips/decision | outcomes |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            System.out.println(
                    row(nanos) + " " + perDecision + " | " + routeTrips / (double) decisions + " | " + outcomes + " |");
            System.out.println();
            // The calling thread's CPU (user and system, socket I/O included): on two cores the app's own work
            // competes with PostgreSQL's for the same CPUs.
            System.out.printf(Locale.ROOT, "route() thread CPU per decision: %.3f ms%n%n", routeCpu / 1e6 / decisions);
            System.out.printf(Locale.ROOT, "JIT compiling during the timed decisions: %d ms%n%n", jitDuring);
            // A commit waits for its WAL to be flushed; a page's first change after a checkpoint writes the whole
            // page into the WAL, so how many of those a decision writes says how cold the pages it touches are.
            System.out.printf(
                    Locale.ROOT,
                    "WAL per decision (cluster-wide, suggest included): %.0f bytes, %.1f full-page images;"
                            + " checkpoints during the decisions: %d%n%n",
                    (walAfter[2] - walBefore[2]) / (double) decisions,
                    (walAfter[1] - walBefore[1]) / (double) decisions,
                    walAfter[3] - walBefore[3]);
            System.out.println("## The same decisions read-only first (Router.suggest: no lock, no writes)");
            System.out.println();
            System.out.println("| p50 | p90 | p99 | p99.9 | max | mean | statements/decision | round trips/decision"
                    + " | same agent as route() |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            System.out.println(row(suggestNanos) + " " + suggestStatements / decisions + " | "
                    + suggestTrips / (double) decisions + " | " + agreed + " of " + decisions + " |");
            System.out.println();
        }
        reset(targets);
    }

    /**
     * Routes the warm-up conversations as the timed loop does (read-only decision first unless ROUTE_ONLY) and
     * unassigns them, in rounds until the JIT is nearly idle ({@link JitWarmUp}).
     */
    private void warmUp(RoutingModule routing, List<Long> warmup) {
        JitWarmUp.untilQuiet("Warm-up (" + warmup.size() + " decisions)", MAX_WARMUP_ROUNDS, QUIET_JIT_SHARE, 1, () -> {
            for (long id : warmup) {
                if (!ROUTE_ONLY) {
                    routing.router().suggest(accountId, id);
                }
                routing.router().route(accountId, id);
            }
            reset(warmup);
        });
        vacuumAnalyze(owner);
        System.out.println();
    }

    /** {@code threads} threads routing at once: decisions per second, latency, capacity kept, spread. */
    private void parallel(LockScope scope, List<Long> targets, int threads) throws Exception {
        var nanos = new long[targets.size()];
        var outcomes = new ConcurrentHashMap<RoutingOutcome.Result, Integer>();
        long started;
        long elapsed;
        try (var routing = routing(scope);
                var pool = Executors.newFixedThreadPool(threads)) {
            routing.router().route(accountId, targets.getFirst());
            reset(targets);
            var next = new AtomicInteger();
            var futures = new ArrayList<Future<?>>();
            started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < targets.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        var outcome = routing.router().route(accountId, targets.get(i));
                        nanos[i] = System.nanoTime() - start;
                        outcomes.merge(outcome.result(), 1, Integer::sum);
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
            elapsed = System.nanoTime() - started;
        }
        var over = over();
        System.out.println("## " + threads + " threads, lock scope " + scope + " (" + targets.size() + " decisions)");
        System.out.println();
        System.out.println("| decisions/s | p50 | p90 | p99 | p99.9 | max | mean | agents over capacity | outcomes |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf(
                Locale.ROOT, "| %.0f %s %d | %s |%n", targets.size() / (elapsed / 1e9), row(nanos), over, outcomes);
        System.out.println();
        reset(targets);
    }

    /** "| p50 | p90 | p99 | p99.9 | max | mean |" in milliseconds. */
    /** pg_stat_wal's records, full-page images and bytes, and the checkpoints started so far (cluster-wide). */
    private long[] wal() {
        return db.global(tx -> {
            var r = tx.fetchSingle("select w.wal_records, w.wal_fpi, w.wal_bytes::bigint,"
                    + " b.checkpoints_timed + b.checkpoints_req from pg_stat_wal w, pg_stat_bgwriter b");
            return new long[] {r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class)};
        });
    }

    private static String row(long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format(
                Locale.ROOT,
                "| %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |",
                pct(sorted, 0.50),
                pct(sorted, 0.90),
                pct(sorted, 0.99),
                pct(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6,
                mean / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Agents with more open conversations than their maximum. */
    private long over() {
        return db.inAccount(accountId, tx -> tx.fetchOne(
                        "select count(*) from account_users au where au.account_id = ? and au.max_concurrent <"
                                + " (select count(*) from conversations c where c.account_id = au.account_id"
                                + " and c.assignee_id = au.user_id and c.status <> 'resolved')",
                        accountId)
                .get(0, Long.class));
    }

    /** Puts the routed conversations back, unassigned, so every run starts from the same loads. */
    private void reset(List<Long> targets) {
        db.runInAccount(accountId, tx -> {
            var ids = targets.toArray(Long[]::new);
            tx.execute(
                    "update conversations set assignee_id = null where account_id = ? and id = any(?::bigint[])",
                    accountId,
                    ids);
            tx.execute("delete from routing_queue where account_id = ?", accountId);
            tx.execute(
                    "delete from messages where account_id = ? and conversation_id = any(?::bigint[])", accountId, ids);
        });
    }

    private static void vacuumAnalyze(DatabaseUrl owner) {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        } catch (SQLException e) {
            throw new IllegalStateException("vacuum analyze failed: " + e.getMessage(), e);
        }
    }
}
