package com.hummdesk.conversations;

import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/** {@link ConversationClassifications}: the AI fields and priority of a conversation, in the caller's transaction. */
final class ClassificationWriter implements ConversationClassifications {
    private final ConversationRepository conversations = new ConversationRepository();

    @Override
    public Optional<Current> lock(DSLContext tx, long accountId, long conversationId) {
        return conversations
                .lock(tx, accountId, conversationId)
                .map(c -> new Current(
                        c.id(),
                        c.assigneeId(),
                        c.status(),
                        Priority.valueOf(c.priority().toUpperCase(Locale.ROOT)),
                        c.aiCategory()));
    }

    @Override
    public void record(DSLContext tx, long accountId, long conversationId, Fields fields) {
        conversations.recordClassification(tx, accountId, conversationId, fields);
    }
}
