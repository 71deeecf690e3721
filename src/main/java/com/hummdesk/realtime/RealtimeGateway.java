package com.hummdesk.realtime;

/**
 * Sends server events to connected clients, on every node (through Redis pub/sub when REDIS_URL is set). Payloads
 * are serialised with the API's JSON settings (records, ISO dates, nulls kept). Callers are listeners of domain
 * events, after commit; the names and payloads are in {@link RealtimeEvents} and docs/realtime.md. Never blocks on
 * Redis: delivery on this node happens in the call, other nodes are reached asynchronously.
 */
public interface RealtimeGateway {
    /** To every agent socket of the account (room {@code account:{accountId}}). */
    void emitToAccount(long accountId, String event, Object payload);

    /** To one agent's sockets in that account (room {@code user:{accountId}:{userId}}). */
    void emitToUser(long accountId, long userId, String event, Object payload);

    /**
     * To the customer of a conversation (room {@code contact:{accountId}:{contactId}}). Only what the customer may
     * see: public messages and agent typing, never private notes or AI results.
     */
    void emitToConversationCustomer(long accountId, long conversationId, long contactId, String event, Object payload);
}
