package com.hummdesk.conversations;

/**
 * What the conversation list shows: filters (null = any), sort and page. {@code assigneeId} set = that agent's
 * conversations ("me" resolves to {@code userId}); {@code unassigned} = only those nobody is assigned to. The tab
 * counts ignore both, and {@code userId} is whose conversations count as "mine". {@code q} searches message
 * content and the contact's name and email.
 */
public record ConversationFilter(
        long accountId,
        long userId,
        Status status,
        Long assigneeId,
        boolean unassigned,
        Long teamId,
        Long inboxId,
        String category,
        Priority priority,
        Sentiment sentiment,
        String language,
        String label,
        String q,
        ConversationSort sort,
        int page,
        int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;

    public ConversationFilter {
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page >= 1 and pageSize 1.." + MAX_PAGE_SIZE);
        }
        if (assigneeId != null && unassigned) {
            throw new IllegalArgumentException("an assignee and unassigned exclude each other");
        }
        sort = sort == null ? ConversationSort.NEWEST : sort;
    }

    /** Every conversation of the account, newest first, first page: the inbox's default view. */
    public static ConversationFilter all(long accountId, long userId) {
        return new ConversationFilter(
                accountId,
                userId,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ConversationSort.NEWEST,
                1,
                DEFAULT_PAGE_SIZE);
    }

    long offset() {
        return (long) (page - 1) * pageSize;
    }
}
