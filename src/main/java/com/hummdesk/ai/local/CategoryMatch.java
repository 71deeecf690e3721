package com.hummdesk.ai.local;

/**
 * The category model's answer: the best category and the runner-up with their scores, and the training sentence
 * of the best category closest to the message (raw embedding cosine) to show as evidence.
 */
public record CategoryMatch(
        int index,
        String name,
        double score,
        String runnerUp,
        double runnerUpScore,
        String nearestExample,
        double nearestSimilarity) {

    public double margin() {
        return score - runnerUpScore;
    }
}
