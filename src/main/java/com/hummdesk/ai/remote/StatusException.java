package com.hummdesk.ai.remote;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer from a provider, keeping the Retry-After hint that langchain4j's own HTTP error drops: a 429 that
 * says "in 2 s" is retried after 2 s, one that says "in 5 min" goes to the local provider at once.
 */
final class StatusException extends HttpException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // Duration is serializable; Optional is not stored
    private final Duration retryAfter;

    StatusException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
