package com.hummdesk.routing;

/** What {@link Router#route} did; {@code assigneeId} is set only when it assigned. */
public record RoutingOutcome(Result result, Long assigneeId) {

    public enum Result {
        /** Assigned to {@code assigneeId}. */
        ASSIGNED,
        /** Nobody eligible now; waits in the queue. */
        QUEUED,
        /** The inbox routes by hand. */
        MANUAL,
        /** Already assigned, resolved, or not in the account: nothing to do. */
        NOT_ROUTABLE
    }

    static RoutingOutcome assigned(long assigneeId) {
        return new RoutingOutcome(Result.ASSIGNED, assigneeId);
    }

    static RoutingOutcome of(Result result) {
        return new RoutingOutcome(result, null);
    }
}
