package com.hummdesk.jobs;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the jobs table's depth per type and state, across all accounts, as the {@code jobs.depth} gauges. */
final class QueueDepth {
    private static final Logger log = LoggerFactory.getLogger(QueueDepth.class);

    private final WorkerTransactions transactions;
    private final JobFinder finder = new JobFinder();
    private final JobMetrics metrics;
    private final Supplier<Set<String>> registeredTypes;

    QueueDepth(WorkerTransactions transactions, JobMetrics metrics, Supplier<Set<String>> registeredTypes) {
        this.transactions = transactions;
        this.metrics = metrics;
        this.registeredTypes = registeredTypes;
    }

    void refresh() {
        try {
            var rows = transactions.run(finder::depth);
            metrics.depth(withZeroes(rows));
        } catch (RuntimeException e) {
            log.warn("Could not read the job queue depth: {}", e.getMessage());
        }
    }

    /** Every registered type shows every state, so an alert on "dead > 0" has a series to watch from the start. */
    private List<JobMetrics.Depth> withZeroes(List<JobMetrics.Depth> rows) {
        var all = new TreeMap<String, JobMetrics.Depth>();
        for (var type : registeredTypes.get()) {
            for (var status : JobFinder.STATES) {
                all.put(type + "/" + status, new JobMetrics.Depth(type, status, 0));
            }
        }
        rows.forEach(row -> all.put(row.type() + "/" + row.status(), row));
        return List.copyOf(all.values());
    }
}
