package com.hummdesk.conversations;

import java.util.Locale;

/** What a timeline entry is: from the customer, to the customer, or a record of a change (activity). */
public enum MessageType {
    INCOMING,
    OUTGOING,
    ACTIVITY;

    /** The lowercase form used in the database and on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
