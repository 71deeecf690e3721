package com.hummdesk.conversations;

import java.util.List;

/**
 * A page of the conversation list. {@code pagination.total} counts every match of the filters; {@code counts} are
 * the inbox tabs (mine, unassigned, all) under the same filters except the assignee filter.
 */
public record ConversationPage(List<ConversationSummary> conversations, Pagination pagination, Counts counts) {

    public record Pagination(long total, int page, int pageSize) {}

    public record Counts(long mine, long unassigned, long all) {}

    public ConversationPage {
        conversations = List.copyOf(conversations);
    }
}
