package com.hummdesk.ai;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How soon a conversation needs an answer. Ordered from least to most urgent. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Priority atLeast(Priority other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
