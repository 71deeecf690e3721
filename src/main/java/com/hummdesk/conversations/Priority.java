package com.hummdesk.conversations;

import java.util.Locale;

/** How urgent a conversation is; stored lowercase, ranked urgent > high > normal > low. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** The lowercase form used in the database and on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
