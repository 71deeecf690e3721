package com.hummdesk.platform.errors;

import java.util.Map;

/** 404: no such thing in the caller's account (never a hint that it exists elsewhere). */
public final class NotFound extends AppException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        this("not_found", message, Map.of());
    }

    public NotFound(String code, String message) {
        this(code, message, Map.of());
    }

    public NotFound(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    @Override
    public int status() {
        return 404;
    }
}
