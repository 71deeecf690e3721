package com.hummdesk.ai.pipeline;

import com.hummdesk.platform.events.DomainEvent;

/**
 * The pipeline classified a customer's message and recorded it on the conversation (published after commit; the
 * real-time gateway sends it to the account's agents as {@code ai:classification}). Fields in their wire form.
 */
public record ConversationClassified(
        long accountId,
        long conversationId,
        long messageId,
        String category,
        String priority,
        String sentiment,
        String language,
        double confidence,
        String reasoning,
        String provider,
        String model,
        Long suggestedTeamId)
        implements DomainEvent {}
