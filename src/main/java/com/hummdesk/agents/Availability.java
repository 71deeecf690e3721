package com.hummdesk.agents;

/** Whether an agent takes new conversations: routing assigns only to online agents. */
public enum Availability {
    ONLINE,
    BUSY,
    OFFLINE
}
