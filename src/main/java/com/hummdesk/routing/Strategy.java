package com.hummdesk.routing;

import java.util.Locale;

/** An inbox's routing strategy ({@code inboxes.routing_strategy}). */
enum Strategy {
    /** Agents pick and assign by hand; routing never assigns. */
    MANUAL,
    /** Least recently assigned among the eligible agents. */
    ROUND_ROBIN,
    /** Most spare capacity, then best recent performance, then least recently assigned. */
    LOAD_BALANCED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Strategy fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
