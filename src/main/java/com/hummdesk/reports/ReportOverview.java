package com.hummdesk.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/reports/overview. Conversations are those created in the range (days in {@code timeZone}, both ends
 * included); the AI figures count classifications, corrections and drafts made in the range. Rates are shares
 * between 0 and 1, null when there is nothing to divide by; durations are seconds, null when there is none.
 */
public record ReportOverview(Range range, Volume volume, Durations firstResponse, Durations resolution, Ai ai) {

    public record Range(LocalDate from, LocalDate to, String timeZone) {}

    /** byDay has one entry per day of the range, zero-filled; categories and sentiments not yet set are "unclassified". */
    public record Volume(long total, List<DayCount> byDay, List<KeyCount> byCategory, List<KeyCount> bySentiment) {}

    public record DayCount(LocalDate date, long count) {}

    public record KeyCount(String key, long count) {}

    /** {@code count}: how many conversations the statistics are over. */
    public record Durations(long count, Double medianSeconds, Double p90Seconds) {}

    /**
     * classifiedConversations: conversations the pipeline classified in the range; autoAssignRate: the share of them
     * a classification assigned; correctedRate: the share of them an agent re-categorised in the range.
     */
    public record Ai(
            long classifiedConversations,
            long autoAssigned,
            Double autoAssignRate,
            long corrected,
            Double correctedRate,
            Drafts drafts) {}

    /** Rates are shares of the drafts with feedback (accepted + edited + rejected). */
    public record Drafts(
            long total,
            long withFeedback,
            long accepted,
            long edited,
            long rejected,
            Double acceptedRate,
            Double editedRate,
            Double rejectedRate) {}

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
