package com.hummdesk.realtime;

import java.util.List;

/** An agent's socket: hears everything in its account, plus what is addressed to the agent. */
record AgentPrincipal(long accountId, long userId) implements Principal {
    @Override
    public List<String> rooms() {
        return List.of(Rooms.account(accountId), Rooms.user(accountId, userId));
    }
}
