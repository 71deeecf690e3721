package com.hummdesk.knowledge;

import java.util.List;

/** One page of an account's articles, newest change first; shaped like every list of the API. */
public record ArticlePage(List<ArticleSummary> articles, Pagination pagination) {

    /** {@code total} counts every match, across all pages. */
    public record Pagination(long total, int page, int pageSize) {}
}
