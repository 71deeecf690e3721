package com.hummdesk.realtime;

import com.hummdesk.drafts.DraftGenerated;
import com.hummdesk.platform.events.EventBus;
import java.util.List;

/**
 * Turns stored reply drafts into the socket event {@code ai:draft} for the account's agents. Never to customers: a
 * draft is a suggestion until an agent sends it.
 */
public final class DraftEventsRelay {
    /** The event's payload (docs/realtime.md). */
    record AiDraft(
            long conversationId,
            long messageId,
            long draftId,
            String origin,
            String content,
            double confidence,
            String reasoning,
            List<Long> citedArticleIds,
            String provider) {}

    private DraftEventsRelay() {}

    public static void subscribe(EventBus events, RealtimeGateway gateway) {
        events.subscribe(
                DraftGenerated.class,
                e -> gateway.emitToAccount(
                        e.accountId(),
                        RealtimeEvents.AI_DRAFT,
                        new AiDraft(
                                e.conversationId(),
                                e.messageId(),
                                e.draftId(),
                                e.origin(),
                                e.content(),
                                e.confidence(),
                                e.reasoning(),
                                e.citedArticleIds(),
                                e.provider())));
    }
}
