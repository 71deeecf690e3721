package com.hummdesk.ai;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The customer's mood. Frustrated is negative with signs of repeated or escalating trouble. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE,
    FRUSTRATED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The three-class view used by public sentiment benchmarks (frustrated counts as negative). */
    public Sentiment threeClass() {
        return this == FRUSTRATED ? NEGATIVE : this;
    }
}
