package com.hummdesk.contacts;

import java.util.List;

/** One page of contacts; when searching, an exact email match comes first, then by name. Shaped like every list of the API: the items, then {@code pagination}. */
public record ContactPage(List<Contact> contacts, Pagination pagination) {

    /** {@code total} counts every match, across all pages. */
    public record Pagination(long total, int page, int pageSize) {}

    static ContactPage of(List<Contact> contacts, int page, int pageSize, long total) {
        return new ContactPage(contacts, new Pagination(total, page, pageSize));
    }
}
