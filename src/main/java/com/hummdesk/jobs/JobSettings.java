package com.hummdesk.jobs;

import com.hummdesk.platform.config.ConfigException;
import java.time.Duration;
import java.util.Map;

/**
 * How a node's worker runs: {@code concurrency} jobs at once (JOB_CONCURRENCY, default 8), a database poll every
 * {@code pollInterval} as a fallback to LISTEN/NOTIFY (JOB_POLL_INTERVAL_MS, default 1000), a lease of {@code lease}
 * that the worker extends while a job runs and after which a dead worker's job runs elsewhere (JOB_LEASE_SECONDS,
 * default 60), and up to {@code drainTimeout} on shutdown for running jobs to finish (JOB_DRAIN_TIMEOUT_SECONDS,
 * default 10); jobs still running then are left to their lease.
 */
public record JobSettings(int concurrency, Duration pollInterval, Duration lease, Duration drainTimeout) {
    public static final JobSettings DEFAULTS =
            new JobSettings(8, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10));

    public JobSettings {
        if (concurrency < 1 || concurrency > 1000) {
            throw new ConfigException("JOB_CONCURRENCY must be between 1 and 1000, not " + concurrency);
        }
        if (pollInterval.toMillis() < 10) {
            throw new ConfigException("JOB_POLL_INTERVAL_MS must be at least 10");
        }
        if (lease.toMillis() < 300) {
            throw new ConfigException("The job lease must be at least 300 ms (JOB_LEASE_SECONDS)");
        }
    }

    public static JobSettings fromEnv(Map<String, String> env) {
        return new JobSettings(
                number(env, "JOB_CONCURRENCY", DEFAULTS.concurrency()),
                Duration.ofMillis(number(env, "JOB_POLL_INTERVAL_MS", (int)
                        DEFAULTS.pollInterval().toMillis())),
                Duration.ofSeconds(
                        number(env, "JOB_LEASE_SECONDS", (int) DEFAULTS.lease().toSeconds())),
                Duration.ofSeconds(number(env, "JOB_DRAIN_TIMEOUT_SECONDS", (int)
                        DEFAULTS.drainTimeout().toSeconds())));
    }

    public JobSettings withConcurrency(int value) {
        return new JobSettings(value, pollInterval, lease, drainTimeout);
    }

    public JobSettings withPollInterval(Duration value) {
        return new JobSettings(concurrency, value, lease, drainTimeout);
    }

    public JobSettings withLease(Duration value) {
        return new JobSettings(concurrency, pollInterval, value, drainTimeout);
    }

    public JobSettings withDrainTimeout(Duration value) {
        return new JobSettings(concurrency, pollInterval, lease, value);
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        var value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
