package com.hummdesk.cannedresponses;

import java.util.List;

/** One page of canned responses; when searching, short-code matches come first. Shaped like every list of the API: the items, then {@code pagination}. */
public record CannedResponsePage(List<CannedResponse> cannedResponses, Pagination pagination) {

    /** {@code total} counts every match, across all pages. */
    public record Pagination(long total, int page, int pageSize) {}

    static CannedResponsePage of(List<CannedResponse> cannedResponses, int page, int pageSize, long total) {
        return new CannedResponsePage(cannedResponses, new Pagination(total, page, pageSize));
    }
}
