package com.hummdesk.platform.errors;

import java.util.Map;

/** 400: the request is malformed or a value is not one of those allowed. */
public final class BadRequest extends AppException {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
        this("bad_request", message, Map.of());
    }

    public BadRequest(String code, String message) {
        this(code, message, Map.of());
    }

    public BadRequest(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    @Override
    public int status() {
        return 400;
    }
}
