package com.hummdesk.realtime;

import java.time.Duration;
import java.util.List;

/**
 * Where presence is kept: in this process, or in Redis for all nodes. Both answer which heartbeat or expiry
 * changed what others see, so a change is announced once, not by every node that noticed it.
 */
interface PresenceStore {
    /** What an expiry check found. */
    enum Expiry {
        /** Another node (or a late heartbeat) keeps the agent alive: look again later. */
        ALIVE,
        /** The agent just turned offline for everyone, and this caller announces it. */
        OFFLINE_NOW,
        /** Offline, already announced by another node. */
        ALREADY_OFFLINE
    }

    /** Records a heartbeat; true when the agent's visible status changed (announce it). */
    boolean touch(long accountId, long userId, PresenceStatus status, Duration ttl);

    /** This node heard nothing from the agent for a TTL. */
    Expiry expire(long accountId, long userId);

    PresenceStatus status(long accountId, long userId);

    List<AgentPresence> online(long accountId);
}
