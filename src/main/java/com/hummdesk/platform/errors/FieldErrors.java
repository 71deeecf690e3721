package com.hummdesk.platform.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects per-field validation problems, then throws them together as one 422. */
public final class FieldErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors check(boolean ok, String field, String problem) {
        if (!ok) {
            errors.putIfAbsent(field, problem);
        }
        return this;
    }

    public FieldErrors required(Object value, String field) {
        return check(value != null && !(value instanceof String s && s.isBlank()), field, "is required");
    }

    public FieldErrors maxLength(String value, int max, String field) {
        return check(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new Unprocessable(
                    "validation_failed",
                    "Some fields are invalid: " + String.join(", ", errors.keySet()),
                    Map.of("fields", Map.copyOf(errors)));
        }
    }
}
