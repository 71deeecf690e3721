package com.hummdesk.inboxes;

/** How new conversations of an inbox are assigned ({@code inboxes.routing_strategy}; the routing feature reads it). */
enum RoutingStrategy {
    MANUAL,
    ROUND_ROBIN,
    LOAD_BALANCED
}
