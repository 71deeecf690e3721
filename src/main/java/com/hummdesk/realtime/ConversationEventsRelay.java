package com.hummdesk.realtime;

import com.hummdesk.conversations.ConversationAssigned;
import com.hummdesk.conversations.ConversationUpdated;
import com.hummdesk.conversations.MessageCreated;
import com.hummdesk.conversations.MessageType;
import com.hummdesk.conversations.SenderType;
import com.hummdesk.platform.events.EventBus;

/**
 * Turns the conversations feature's domain events (published after commit) into the seed's socket events for the
 * account's agents: a customer's message is {@code message:new}, an agent's reply or note {@code message:sent}.
 * Customers get their own messages through their contact room when the sender is the contact.
 */
public final class ConversationEventsRelay {
    private ConversationEventsRelay() {}

    public static void subscribe(EventBus events, RealtimeGateway gateway) {
        events.subscribe(MessageCreated.class, e -> {
            var name = e.senderType() == SenderType.CONTACT ? "message:new" : "message:sent";
            gateway.emitToAccount(e.accountId(), name, e);
            if (e.senderType() == SenderType.CONTACT
                    && e.senderId() != null
                    && e.messageType() != MessageType.ACTIVITY) {
                gateway.emitToConversationCustomer(e.accountId(), e.conversationId(), e.senderId(), name, e);
            }
        });
        events.subscribe(
                ConversationAssigned.class, e -> gateway.emitToAccount(e.accountId(), "conversation:assigned", e));
        events.subscribe(
                ConversationUpdated.class, e -> gateway.emitToAccount(e.accountId(), "conversation:updated", e));
    }
}
