package com.hummdesk.realtime;

/**
 * Relays an agent's {@code agent:typing} to the other sockets of the account (not back to the sending socket)
 * and to the conversation's customer. Typing about a conversation the agent's account does not have goes nowhere.
 */
final class TypingRelay {
    /** What agents see: who is typing where. */
    record AgentTyping(long conversationId, long userId, boolean typing) {}

    /** What the customer sees: that an agent is typing, not which one. */
    record CustomerTyping(long conversationId, boolean typing) {}

    private final SocketIoGateway gateway;
    private final ConversationContactFinder conversations;

    TypingRelay(SocketIoGateway gateway, ConversationContactFinder conversations) {
        this.gateway = gateway;
        this.conversations = conversations;
    }

    /** False when the conversation is not in the agent's account. */
    boolean relay(AgentPrincipal agent, String socketId, long conversationId, boolean typing) {
        var contactId = conversations.contactOf(agent.accountId(), conversationId);
        if (contactId.isEmpty()) {
            return false;
        }
        gateway.emit(
                Rooms.account(agent.accountId()),
                socketId,
                RealtimeEvents.AGENT_TYPING,
                new AgentTyping(conversationId, agent.userId(), typing));
        gateway.emitToConversationCustomer(
                agent.accountId(),
                conversationId,
                contactId.getAsLong(),
                RealtimeEvents.AGENT_TYPING,
                new CustomerTyping(conversationId, typing));
        return true;
    }
}
