/**
 * Reply drafts: after a customer message is classified, the {@code ai.draft} job retrieves knowledge passages for it,
 * asks the {@link com.hummdesk.ai.AiProvider} for a grounded draft and stores it ({@code ai_drafts}, one per message
 * however often the job runs), then announces it ({@link com.hummdesk.drafts.DraftGenerated}, the socket event
 * {@code ai:draft}). Agents regenerate drafts, list them and say what they did with each (accepted, edited,
 * rejected), which gives the per-account acceptance rate and edit distance. Drafts are never sent on their own.
 *
 * <p>Public API: {@link com.hummdesk.drafts.DraftsModule}, {@link com.hummdesk.drafts.PassageRetriever} (the
 * knowledge base plugs its search in here), {@link com.hummdesk.drafts.DraftPolicies}, {@link
 * com.hummdesk.drafts.DraftGenerated}, {@link com.hummdesk.drafts.DraftJobPayload}. Writes only {@code ai_drafts};
 * reads conversations and messages (a finder, read-only). Depends on platform, ai and jobs.
 */
package com.hummdesk.drafts;
