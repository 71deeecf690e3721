package com.hummdesk.ai;

import java.util.List;

/**
 * Everything a provider may use to draft a reply: the customer's message, the conversation so far (oldest first),
 * its classification (null when not classified yet), the retrieved knowledge passages (best first), the language to
 * answer in (ISO 639-1), and the account's policies (free text, may be empty).
 */
public record DraftContext(
        String messageText,
        List<HistoryTurn> history,
        Classification classification,
        List<KnowledgePassage> passages,
        String language,
        String policies) {

    public DraftContext {
        messageText = messageText == null ? "" : messageText;
        history = history == null ? List.of() : List.copyOf(history);
        passages = passages == null ? List.of() : List.copyOf(passages);
        language = language == null || language.isBlank() ? "en" : language;
        policies = policies == null ? "" : policies;
    }
}
