package com.hummdesk.platform.errors;

import java.util.Map;

/** 409: the request clashes with existing state (duplicate name, email, ...). */
public final class Conflict extends AppException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        this("conflict", message, Map.of());
    }

    public Conflict(String code, String message) {
        this(code, message, Map.of());
    }

    public Conflict(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    @Override
    public int status() {
        return 409;
    }
}
