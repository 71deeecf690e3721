package com.hummdesk.conversations;

import java.util.Locale;

/** Where a conversation is in its life: open, pending, snoozed until a time, or resolved. */
public enum Status {
    OPEN,
    PENDING,
    SNOOZED,
    RESOLVED;

    /** The lowercase form used in the database and on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
