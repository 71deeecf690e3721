package com.hummdesk.conversations;

import java.util.Locale;

/** Who wrote a message. */
public enum SenderType {
    CONTACT,
    USER,
    SYSTEM,
    AI;

    /** The lowercase form used in the database and on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
