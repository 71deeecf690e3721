package com.hummdesk.ai.eval;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {
    private Percentiles() {}

    static double of(double[] values, double percentile) {
        if (values.length == 0) {
            return Double.NaN;
        }
        var sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
