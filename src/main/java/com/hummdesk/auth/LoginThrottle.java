package com.hummdesk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hummdesk.platform.errors.TooManyRequests;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;

/**
 * Limits login attempts per client IP and per email (token buckets), so neither one address nor a spread of
 * addresses can guess one account's password quickly. Per node; a shared limit across nodes needs Redis.
 */
final class LoginThrottle {
    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    LoginThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    void check(String ip, String email) {
        consume("ip:" + ip);
        consume("email:" + (email == null ? "" : email.toLowerCase(Locale.ROOT)));
    }

    private void consume(String key) {
        var bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyRequests("Too many login attempts; try again in " + seconds + " seconds.", seconds);
        }
    }
}
