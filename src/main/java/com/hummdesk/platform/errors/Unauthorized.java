package com.hummdesk.platform.errors;

import java.util.Map;

/** 401: no valid credentials. */
public final class Unauthorized extends AppException {
    private static final long serialVersionUID = 1L;

    public Unauthorized(String message) {
        this("unauthorized", message, Map.of());
    }

    public Unauthorized(String code, String message) {
        this(code, message, Map.of());
    }

    public Unauthorized(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    @Override
    public int status() {
        return 401;
    }
}
