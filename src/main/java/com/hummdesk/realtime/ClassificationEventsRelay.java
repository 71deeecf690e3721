package com.hummdesk.realtime;

import com.hummdesk.ai.pipeline.ConversationClassified;
import com.hummdesk.platform.events.EventBus;

/**
 * Sends the AI pipeline's classifications to the account's agents as {@code ai:classification} (never to
 * customers: AI results are for agents only).
 */
public final class ClassificationEventsRelay {
    private ClassificationEventsRelay() {}

    public static void subscribe(EventBus events, RealtimeGateway gateway) {
        events.subscribe(
                ConversationClassified.class,
                e -> gateway.emitToAccount(e.accountId(), RealtimeEvents.AI_CLASSIFICATION, e));
    }
}
