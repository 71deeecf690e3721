package com.hummdesk.ai.remote;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** What went wrong in a remote call, read off langchain4j's exception chain. */
final class Failures {
    private Failures() {}

    /** The HTTP status of the failure, or -1 when no response came back. */
    static int status(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode();
            }
        }
        return -1;
    }

    static Optional<Duration> retryAfter(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StatusException status) {
                return status.retryAfter();
            }
        }
        return Optional.empty();
    }

    /** Worth another try: rate limited, overloaded (Anthropic's 529 included), server errors, timeouts, no route. */
    static boolean retryable(Throwable failure) {
        if (failure instanceof InvalidOutputException) {
            return false;
        }
        int status = status(failure);
        if (status >= 0) {
            return status == 408 || status == 409 || status == 429 || status >= 500;
        }
        return timedOut(failure) || io(failure);
    }

    static boolean timedOut(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean io(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    /** A short metric tag: rate_limited, server_error, client_error, timeout, connection, other. */
    static String kind(Throwable failure) {
        int status = status(failure);
        if (status == 429) {
            return "rate_limited";
        }
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 400) {
            return "client_error";
        }
        if (timedOut(failure)) {
            return "timeout";
        }
        return io(failure) ? "connection" : "other";
    }
}
