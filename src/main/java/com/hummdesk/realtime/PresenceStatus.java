package com.hummdesk.realtime;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** An agent's presence as other agents see it. */
public enum PresenceStatus {
    ONLINE,
    AWAY,
    OFFLINE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<PresenceStatus> parse(String value) {
        for (var status : values()) {
            if (status.wire().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
