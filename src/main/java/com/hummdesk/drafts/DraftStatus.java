package com.hummdesk.drafts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of a draft: pending until an agent says they accepted, edited or rejected it. */
public enum DraftStatus {
    PENDING,
    ACCEPTED,
    EDITED,
    REJECTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DraftStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
