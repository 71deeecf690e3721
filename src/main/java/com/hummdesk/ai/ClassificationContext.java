package com.hummdesk.ai;

import java.util.List;

/**
 * Everything a provider may use to classify one customer message: the message, the conversation so far (oldest
 * first), summaries of the contact's earlier conversations, and the account's configuration (categories, teams,
 * languages as ISO 639-1 codes, the first being the account's default).
 */
public record ClassificationContext(
        String messageText,
        List<HistoryTurn> history,
        List<String> earlierConversations,
        List<CategoryDefinition> categories,
        List<TeamRef> teams,
        List<String> languages) {

    public ClassificationContext {
        messageText = messageText == null ? "" : messageText;
        history = history == null ? List.of() : List.copyOf(history);
        earlierConversations = earlierConversations == null ? List.of() : List.copyOf(earlierConversations);
        categories = categories == null ? List.of() : List.copyOf(categories);
        teams = teams == null ? List.of() : List.copyOf(teams);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** A context with just a message and the account's categories (tests, evaluation). */
    public static ClassificationContext of(String messageText, List<CategoryDefinition> categories) {
        return new ClassificationContext(messageText, List.of(), List.of(), categories, List.of(), List.of());
    }

    public ClassificationContext withMessage(String text) {
        return new ClassificationContext(text, history, earlierConversations, categories, teams, languages);
    }

    public ClassificationContext withHistory(List<HistoryTurn> newHistory) {
        return new ClassificationContext(messageText, newHistory, earlierConversations, categories, teams, languages);
    }

    public ClassificationContext withLanguages(List<String> newLanguages) {
        return new ClassificationContext(messageText, history, earlierConversations, categories, teams, newLanguages);
    }

    public ClassificationContext withCategories(List<CategoryDefinition> newCategories) {
        return new ClassificationContext(messageText, history, earlierConversations, newCategories, teams, languages);
    }
}
