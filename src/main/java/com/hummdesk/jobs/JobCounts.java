package com.hummdesk.jobs;

import java.util.List;

/**
 * An account's jobs by state: queued (waiting to run), running, failed (waiting for a retry) and dead (out of
 * attempts), in total and per type.
 */
public record JobCounts(long queued, long running, long failed, long dead, List<TypeCounts> types) {

    public record TypeCounts(String type, long queued, long running, long failed, long dead) {}
}
