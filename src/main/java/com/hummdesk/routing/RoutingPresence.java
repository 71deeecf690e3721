package com.hummdesk.routing;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an agent is reachable right now, on top of the availability they declared (busy and offline agents are
 * never candidates; the candidate query checks that). The real-time gateway's heartbeat presence plugs in here;
 * until it does, {@link #DECLARED_AVAILABILITY} lets the declared availability decide alone.
 */
@FunctionalInterface
public interface RoutingPresence {

    /** Trusts the agents' declared availability: everyone who set themselves online counts as online. */
    RoutingPresence DECLARED_AVAILABILITY = (accountId, userId) -> true;

    boolean isOnline(long accountId, long userId);

    /**
     * Those of {@code userIds} who are online: asked once per routing decision. A presence kept in a remote store
     * overrides this to answer in one round trip.
     */
    default Set<Long> onlineAmong(long accountId, Collection<Long> userIds) {
        return userIds.stream().filter(id -> isOnline(accountId, id)).collect(Collectors.toUnmodifiableSet());
    }
}
