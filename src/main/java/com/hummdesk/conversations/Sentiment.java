package com.hummdesk.conversations;

import java.util.Locale;

/** The customer's mood as the AI classified it. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE,
    FRUSTRATED;

    /** The lowercase form used in the database and on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
