package com.hummdesk.drafts;

/**
 * An account's drafts and what agents did with them. Rates are shares of the drafts with feedback (null when none
 * has any); the mean edit distance is over accepted and edited drafts (null when there are none).
 */
public record DraftStats(
        long drafts,
        long withFeedback,
        long accepted,
        long edited,
        long rejected,
        Double acceptanceRate,
        Double editedRate,
        Double rejectedRate,
        Double meanEditDistance) {

    static DraftStats of(long drafts, long accepted, long edited, long rejected, Double meanEditDistance) {
        long withFeedback = accepted + edited + rejected;
        return new DraftStats(
                drafts,
                withFeedback,
                accepted,
                edited,
                rejected,
                rate(accepted, withFeedback),
                rate(edited, withFeedback),
                rate(rejected, withFeedback),
                meanEditDistance);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
