package com.hummdesk.drafts;

import java.util.List;

/** A conversation's drafts, latest first (at most {@link DraftService#LIST_LIMIT}). */
public record DraftList(List<StoredDraft> drafts) {}
