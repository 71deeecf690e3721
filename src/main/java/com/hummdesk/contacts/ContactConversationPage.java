package com.hummdesk.contacts;

import java.util.List;

/** One page of a contact's conversations, most recent activity first. Shaped like every list of the API: the items, then {@code pagination}. */
public record ContactConversationPage(List<ContactConversation> conversations, Pagination pagination) {

    /** {@code total} counts every match, across all pages. */
    public record Pagination(long total, int page, int pageSize) {}

    static ContactConversationPage of(List<ContactConversation> conversations, int page, int pageSize, long total) {
        return new ContactConversationPage(conversations, new Pagination(total, page, pageSize));
    }
}
