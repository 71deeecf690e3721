package com.hummdesk.platform.errors;

import java.util.Map;

/** 422: well-formed, but fields fail validation; details list each field. */
public final class Unprocessable extends AppException {
    private static final long serialVersionUID = 1L;

    public Unprocessable(String message) {
        this("validation_failed", message, Map.of());
    }

    public Unprocessable(String code, String message) {
        this(code, message, Map.of());
    }

    public Unprocessable(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    @Override
    public int status() {
        return 422;
    }
}
