package com.hummdesk.drafts;

import com.hummdesk.platform.events.DomainEvent;
import java.util.List;

/** A draft was stored (published after commit); real time turns it into the socket event {@code ai:draft}. */
public record DraftGenerated(
        long accountId,
        long conversationId,
        long messageId,
        long draftId,
        String origin,
        String content,
        double confidence,
        String reasoning,
        List<Long> citedArticleIds,
        String provider)
        implements DomainEvent {

    static DraftGenerated of(long accountId, StoredDraft draft) {
        return new DraftGenerated(
                accountId,
                draft.conversationId(),
                draft.messageId(),
                draft.id(),
                draft.origin(),
                draft.content(),
                draft.confidence(),
                draft.reasoning(),
                draft.citedArticleIds(),
                draft.provider());
    }
}
