package com.hummdesk.drafts;

import com.hummdesk.ai.KnowledgePassage;
import java.util.List;

/**
 * Finds the knowledge passages a draft may quote, best first, only from the account's published articles. The
 * knowledge base's search implements it ({@code KnowledgeSearch::search}); until it is wired, {@link #NONE}: every
 * draft is then the honest no-answer draft. Called outside any transaction.
 */
@FunctionalInterface
public interface PassageRetriever {
    PassageRetriever NONE = (accountId, query, limit) -> List.of();

    List<KnowledgePassage> retrieve(long accountId, String query, int limit);
}
