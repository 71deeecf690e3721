package com.hummdesk.drafts;

/**
 * The account's policies (free text) that hosted providers must respect when drafting. The AI settings feature
 * will supply them; until then {@link #NONE}. The local provider never restates them.
 */
@FunctionalInterface
public interface DraftPolicies {
    DraftPolicies NONE = accountId -> "";

    String policiesFor(long accountId);
}
