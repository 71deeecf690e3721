package com.hummdesk.platform.errors;

import java.util.Map;

/** 429: slow down; {@link #retryAfterSeconds()} goes into the Retry-After header. */
public final class TooManyRequests extends AppException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super("too_many_requests", message, Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int status() {
        return 429;
    }
}
