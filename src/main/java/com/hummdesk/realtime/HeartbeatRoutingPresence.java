package com.hummdesk.realtime;

import com.hummdesk.routing.RoutingPresence;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routing's view of the gateway's presence: an agent takes new conversations while their dashboard sends
 * heartbeats as online (away agents finish what they have but get nothing new).
 */
public final class HeartbeatRoutingPresence implements RoutingPresence {
    private final Presence presence;

    public HeartbeatRoutingPresence(Presence presence) {
        this.presence = presence;
    }

    @Override
    public boolean isOnline(long accountId, long userId) {
        return presence.status(accountId, userId) == PresenceStatus.ONLINE;
    }

    /** One presence read per routing decision, whatever the number of candidates. */
    @Override
    public Set<Long> onlineAmong(long accountId, Collection<Long> userIds) {
        return presence.online(accountId).stream()
                .filter(agent -> agent.status() == PresenceStatus.ONLINE)
                .map(AgentPresence::userId)
                .filter(userIds::contains)
                .collect(Collectors.toUnmodifiableSet());
    }
}
