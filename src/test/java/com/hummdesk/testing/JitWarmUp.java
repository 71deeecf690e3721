package com.hummdesk.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
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
        untilQuiet(label, maxRounds, quietShare, quietRounds, Duration.ZERO, round);
    }

    /**
     * The same, for at least {@code atLeast} too: code that refreshes a cache after a minute takes a path the JIT has
     * not seen until then, and compiled methods that never took it are thrown away and compiled again (0.3-0.5 s of
     * C2 each, session 9), so a warm-up shorter than the cache's life leaves that inside the timed phase.
     */
    public static void untilQuiet(
            String label, int maxRounds, double quietShare, int quietRounds, Duration atLeast, Runnable round) {
        var jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int quiet = 0;
        for (int n = 1; n <= maxRounds && (quiet < quietRounds || System.nanoTime() - start < atLeast.toNanos()); n++) {
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
