package com.hummdesk.realtime;

import com.hummdesk.conversations.MessageCreated;
import com.hummdesk.conversations.MessageType;
import com.hummdesk.conversations.SenderType;
import com.hummdesk.platform.events.EventBus;

/**
 * Sends an agent's public reply to the conversation's customer as {@code message:sent} (the agents get it from
 * {@link ConversationEventsRelay}). Private notes and activity entries never reach customers. The event names the
 * conversation, not its customer, so the customer is looked up (cached: a conversation's customer never changes).
 */
final class CustomerRepliesRelay {
    private CustomerRepliesRelay() {}

    static void subscribe(EventBus events, RealtimeGateway gateway, ConversationContactFinder contacts) {
        events.subscribe(MessageCreated.class, e -> {
            if (e.senderType() == SenderType.USER && e.messageType() == MessageType.OUTGOING && !e.privateNote()) {
                contacts.contactOf(e.accountId(), e.conversationId())
                        .ifPresent(contact -> gateway.emitToConversationCustomer(
                                e.accountId(), e.conversationId(), contact, "message:sent", e));
            }
        });
    }
}
