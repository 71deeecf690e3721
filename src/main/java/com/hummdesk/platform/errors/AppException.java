package com.hummdesk.platform.errors;

import java.util.Map;

/**
 * The one error vocabulary of HummDesk. Services throw these; the HTTP layer maps each to its status and the
 * shape {@code {"error":{"code","message","details"}}}.
 */
public abstract sealed class AppException extends RuntimeException
        permits BadRequest,
                Unauthorized,
                Forbidden,
                NotFound,
                Conflict,
                PayloadTooLarge,
                Unprocessable,
                TooManyRequests,
                ServiceUnavailable {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Map<String, Object> details;

    protected AppException(String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public abstract int status();

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
