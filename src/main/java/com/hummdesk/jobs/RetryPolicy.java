package com.hummdesk.jobs;

import java.time.Duration;

/**
 * How often a job type is attempted and how long it waits between attempts: exponential backoff with "equal
 * jitter", capped. After failed attempt {@code n} the next one waits {@code min(maxDelay, baseDelay * 2^(n-1) * (0.5
 * + 0.5 * random))}. Half of the delay is fixed, so each wait is at least as long as the one before (the cap comes
 * after the jitter so that it holds there too); the random half spreads the retries of jobs that failed together
 * (an outage) so they do not come back in one burst.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    /** 5 attempts, waiting 30 s, 1, 2 and 4 min (each between half and all of that): dead after ~4-8 min. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofHours(1));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    /** {@code maxAttempts} attempts starting from {@code baseDelay}, capped at an hour like the default. */
    public static RetryPolicy attempts(int maxAttempts, Duration baseDelay) {
        var cap = baseDelay.compareTo(DEFAULT.maxDelay()) > 0 ? baseDelay : DEFAULT.maxDelay();
        return new RetryPolicy(maxAttempts, baseDelay, cap);
    }

    /** The wait after failed attempt {@code attempt} (1-based); {@code random} is uniform in [0, 1). */
    Duration delayAfter(int attempt, double random) {
        // The exponent stops at 40, far past any sensible cap, so the product stays a finite double.
        double exponential = baseDelay.toMillis() * Math.pow(2, Math.min(attempt - 1, 40));
        double jittered = Math.min(maxDelay.toMillis(), exponential * (0.5 + 0.5 * random));
        return Duration.ofMillis(Math.round(jittered));
    }
}
