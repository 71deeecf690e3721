package com.hummdesk.testing;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * A benchmark's warm-up: the work it times, in rounds, until the JIT compiler is nearly idle. On two vCPUs a C2
 * compiler still busy with the timed code competes with it and with PostgreSQL for the cores: one short warm-up pass
 * left ~1.5 s of compilation inside 3.5 s of timed routing decisions (BENCHMARKS.md, session 8).
 */
public final class JitWarmUp {
    private JitWarmUp() {}

    /**
     * Runs {@code round} until the JIT compiled for under {@code quietShare} of a round's time in {@code quietRounds}
     * rounds in a row, or {@code maxRounds} rounds; prints each round as "{@code label} round N: ... ms".
     */
    public static void untilQuiet(String label, int maxRounds, double quietShare, int quietRounds, Runnable round) {
        var jit = ManagementFactory.getCompilationMXBean();
        int quiet = 0;
        for (int n = 1; n <= maxRounds && quiet < quietRounds; n++) {
            long compiled = jit.getTotalCompilationTime();
            long started = System.nanoTime();
            round.run();
            long millis = (System.nanoTime() - started) / 1_000_000;
            long compiling = jit.getTotalCompilationTime() - compiled;
            System.out.printf(Locale.ROOT, "%s round %d: %d ms, JIT compiling %d ms%n", label, n, millis, compiling);
            quiet = compiling < quietShare * millis ? quiet + 1 : 0;
        }
    }

    /** JIT compilation time so far, in ms (to report how much of it fell inside a timed phase). */
    public static long compilingSoFar() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
