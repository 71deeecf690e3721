package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.ClassificationContext;
import java.util.List;
import org.jooq.DSLContext;

/** Builds what a provider classifies a message with, inside a read transaction. */
final class ContextBuilder {
    private final AccountAi accounts;
    private final TriageFinder finder;
    private final List<String> nodeLanguages;

    ContextBuilder(AccountAi accounts, TriageFinder finder, List<String> nodeLanguages) {
        this.accounts = accounts;
        this.finder = finder;
        this.nodeLanguages = List.copyOf(nodeLanguages);
    }

    ClassificationContext build(DSLContext tx, long accountId, TriageFinder.Message message, AiSettings settings) {
        return new ClassificationContext(
                message.content(),
                finder.history(tx, accountId, message.conversationId(), message.id()),
                finder.earlierConversations(tx, accountId, message.contactId(), message.conversationId()),
                accounts.definitions(tx, accountId),
                finder.teams(tx, accountId),
                languages(settings));
    }

    /** The account's languages, or every language this node detects; the first is the default. */
    List<String> languages(AiSettings settings) {
        return settings.languages().isEmpty() ? nodeLanguages : settings.languages();
    }
}
