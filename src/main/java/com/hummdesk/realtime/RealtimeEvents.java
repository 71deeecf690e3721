package com.hummdesk.realtime;

/** The event vocabulary of the socket.io API (the seed's names); payloads are documented in docs/realtime.md. */
public final class RealtimeEvents {
    /** Server to agents (and to the customer, for public messages): a customer's message arrived. */
    public static final String MESSAGE_NEW = "message:new";
    /** Server to agents (and to the customer): an agent's reply was sent. */
    public static final String MESSAGE_SENT = "message:sent";

    public static final String CONVERSATION_ASSIGNED = "conversation:assigned";
    public static final String CONVERSATION_UPDATED = "conversation:updated";
    public static final String AI_CLASSIFICATION = "ai:classification";
    public static final String AI_DRAFT = "ai:draft";
    /** Server to agents and customers, relayed from an agent's client. */
    public static final String AGENT_TYPING = "agent:typing";
    /** Server to agents: an agent turned online, away or offline. */
    public static final String AGENT_PRESENCE = "agent:presence";
    /** Client to server: an agent's presence heartbeat. */
    public static final String AGENT_HEARTBEAT = "agent:heartbeat";

    private RealtimeEvents() {}
}
