package com.hummdesk.inboxes;

import java.util.List;

/** An account's inboxes, by name; shaped like every list of the API (the items, then {@code pagination}). */
public record InboxPage(List<Inbox> inboxes, Pagination pagination) {

    public record Pagination(long total, int page, int pageSize) {}
}
