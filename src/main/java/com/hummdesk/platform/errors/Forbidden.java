package com.hummdesk.platform.errors;

import java.util.Map;

/** 403: authenticated, but the role does not allow this. */
public final class Forbidden extends AppException {
    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        this("forbidden", message, Map.of());
    }

    public Forbidden(String code, String message) {
        this(code, message, Map.of());
    }

    public Forbidden(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    @Override
    public int status() {
        return 403;
    }
}
