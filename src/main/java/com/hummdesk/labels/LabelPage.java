package com.hummdesk.labels;

import java.util.List;

/** One page of an account's labels, by name. Shaped like every list of the API: the items, then {@code pagination}. */
public record LabelPage(List<Label> labels, Pagination pagination) {

    /** {@code total} counts every match, across all pages. */
    public record Pagination(long total, int page, int pageSize) {}

    static LabelPage of(List<Label> labels, int page, int pageSize, long total) {
        return new LabelPage(labels, new Pagination(total, page, pageSize));
    }
}
