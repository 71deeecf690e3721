package com.hummdesk.agents;

import java.util.List;

/** One page of the account's agents, by name. Shaped like every list of the API: the items, then {@code pagination}. */
public record AgentPage(List<Agent> agents, Pagination pagination) {

    /** {@code total} counts every match, across all pages. */
    public record Pagination(long total, int page, int pageSize) {}

    static AgentPage of(List<Agent> agents, int page, int pageSize, long total) {
        return new AgentPage(agents, new Pagination(total, page, pageSize));
    }
}
