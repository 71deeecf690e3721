package com.hummdesk.contacts;

import com.hummdesk.platform.events.DomainEvent;

/** Published after {@code mergedContactId} was merged into {@code contactId} and deleted. */
public record ContactsMerged(long accountId, long contactId, long mergedContactId, int movedConversations)
        implements DomainEvent {}
