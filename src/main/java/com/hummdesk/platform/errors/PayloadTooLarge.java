package com.hummdesk.platform.errors;

import java.util.Map;

/** 413: content over its size limit. */
public final class PayloadTooLarge extends AppException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLarge(String message) {
        this("payload_too_large", message, Map.of());
    }

    public PayloadTooLarge(String code, String message) {
        this(code, message, Map.of());
    }

    public PayloadTooLarge(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    @Override
    public int status() {
        return 413;
    }
}
