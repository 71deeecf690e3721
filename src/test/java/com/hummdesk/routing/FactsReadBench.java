package com.hummdesk.routing;

import com.hummdesk.platform.db.Database;
import com.hummdesk.testing.TestDatabases;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The per-decision read on its own (CandidateFinder.facts: scope, one statement, commit), its calling thread's CPU
 * and wall time over {@code calls} reads, on a database RoutingBench left behind (ROUTING_BENCH_KEEP_DB, renamed
 * so that test runs do not drop it). Arguments: database, account id, first unassigned conversation id, calls.
 */
public final class FactsReadBench {
    public static void main(String[] args) throws Exception {
        var name = args[0];
        long account = Long.parseLong(args[1]);
        long first = Long.parseLong(args[2]);
        int n = Integer.parseInt(args[3]);
        var finder = new CandidateFinder();
        var mx = ManagementFactory.getThreadMXBean();
        try (var db = new Database(TestDatabases.appUrl(name), 4, null)) {
            for (int round = 0; round < 2; round++) {
                long cpu = 0;
                var wall = new long[n];
                for (int i = 0; i < n; i++) {
                    long id = first + (i % 1000);
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    var facts = db.inAccount(account, tx -> finder.facts(tx, account, id, false));
                    wall[i] = System.nanoTime() - t0;
                    cpu += mx.getCurrentThreadCpuTime() - c0;
                    if (facts.isEmpty() || facts.get().loads().byAgent().size() < 200)
                        throw new IllegalStateException();
                }
                Arrays.sort(wall);
                if (round == 1)
                    System.out.printf(
                            "facts: thread CPU %.3f ms/call, wall p50 %.3f p99 %.3f ms%n",
                            cpu / 1e6 / n, wall[n / 2] / 1e6, wall[n * 99 / 100] / 1e6);
            }
        }
    }
}
