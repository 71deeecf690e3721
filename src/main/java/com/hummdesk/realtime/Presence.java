package com.hummdesk.realtime;

import java.util.List;

/**
 * Who is around, for features such as routing: an agent is online or away while their client sends heartbeats,
 * and offline once none arrived for PRESENCE_TTL_SECONDS (30 s by default). Shared through Redis keys with a TTL
 * when REDIS_URL is set, so every node gives the same answer.
 */
public interface Presence {
    PresenceStatus status(long accountId, long userId);

    /** The account's agents that are online or away, by user id. */
    List<AgentPresence> online(long accountId);
}
