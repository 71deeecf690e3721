package com.hummdesk.routing;

import java.util.Locale;

/** What separated the winner from the runner-up: the first ranking key on which they differ. */
enum Rule {
    ONLY_CANDIDATE,
    LANGUAGE,
    SPARE_CAPACITY,
    PERFORMANCE,
    LEAST_RECENTLY_ASSIGNED,
    /** Equal on every key: the lower user id wins, so decisions are reproducible. */
    TIE_BREAK,
    NO_CANDIDATE;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
