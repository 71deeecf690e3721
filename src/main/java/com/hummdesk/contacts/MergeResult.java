package com.hummdesk.contacts;

/** The contact that remains after a merge, which contact was merged into it and how many conversations moved. */
public record MergeResult(Contact contact, long mergedContactId, int movedConversations) {}
