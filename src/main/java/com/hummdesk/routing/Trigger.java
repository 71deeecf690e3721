package com.hummdesk.routing;

import java.util.Locale;

/** Why a routing decision was made. */
enum Trigger {
    CONVERSATION_CREATED,
    /** {@link Router#route}, e.g. by the AI pipeline after classifying. */
    REQUESTED,
    AGENT_ONLINE,
    CAPACITY_FREED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
