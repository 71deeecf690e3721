package com.hummdesk.teams;

import java.util.List;

/** One page of an account's teams, by name. Shaped like every list of the API: the items, then {@code pagination}. */
public record TeamPage(List<TeamSummary> teams, Pagination pagination) {

    /** {@code total} counts every match, across all pages. */
    public record Pagination(long total, int page, int pageSize) {}

    static TeamPage of(List<TeamSummary> teams, int page, int pageSize, long total) {
        return new TeamPage(teams, new Pagination(total, page, pageSize));
    }
}
