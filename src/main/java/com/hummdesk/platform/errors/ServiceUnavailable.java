package com.hummdesk.platform.errors;

import java.util.Map;

/** 503: a dependency is down. */
public final class ServiceUnavailable extends AppException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailable(String message) {
        this("service_unavailable", message, Map.of());
    }

    public ServiceUnavailable(String code, String message) {
        this(code, message, Map.of());
    }

    public ServiceUnavailable(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    @Override
    public int status() {
        return 503;
    }
}
