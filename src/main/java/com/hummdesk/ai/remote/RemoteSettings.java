package com.hummdesk.ai.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How one hosted provider is reached and how hard it is tried. Attempts and backoff apply to transport failures
 * (429, 5xx, timeouts, refused connections); a Retry-After longer than maxRetryWait is not waited for. The breaker
 * opens when failureRatePercent of the last breakerWindow calls failed (after at least breakerMinimumCalls), stays
 * open for openFor, then lets halfOpenCalls through to decide whether to close again.
 */
public record RemoteSettings(
        String baseUrl,
        String apiKey,
        String model,
        Duration timeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxRetryWait,
        int breakerWindow,
        int breakerMinimumCalls,
        float failureRatePercent,
        Duration openFor,
        int halfOpenCalls) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public RemoteSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Production defaults: 3 attempts from 500 ms doubling, Retry-After waited up to 10 s, breaker over 10 calls. */
    public static RemoteSettings of(String baseUrl, String apiKey, String model, Duration timeout) {
        return new RemoteSettings(
                baseUrl,
                apiKey,
                model,
                timeout,
                3,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                10,
                5,
                50,
                Duration.ofSeconds(30),
                2);
    }

    public RemoteSettings withRetries(int attempts, Duration backoff, Duration maxWait) {
        return new RemoteSettings(
                baseUrl,
                apiKey,
                model,
                timeout,
                attempts,
                backoff,
                maxWait,
                breakerWindow,
                breakerMinimumCalls,
                failureRatePercent,
                openFor,
                halfOpenCalls);
    }

    public RemoteSettings withBreaker(int window, int minimumCalls, float ratePercent, Duration open, int halfOpen) {
        return new RemoteSettings(
                baseUrl,
                apiKey,
                model,
                timeout,
                maxAttempts,
                initialBackoff,
                maxRetryWait,
                window,
                minimumCalls,
                ratePercent,
                open,
                halfOpen);
    }
}
