package com.hummdesk.ai.local;

/**
 * Turns the category model's scores into a probability of being right: Platt scaling, a logistic function of the
 * best score and its margin over the runner-up.
 *
 * <p>Fitted by {@code java -jar target/hummdesk.jar eval-ai --fit-calibration} (scripts/eval-ai.sh
 * --fit-calibration): banking77 few-shot models at 5, 10 and 20 examples per label (seeds 101-103, never the
 * evaluation seed), each scored on 2,000 train.csv rows held out from its examples; test.csv is not used. Re-run
 * it and paste the printed constants when the category model changes.
 */
public record Calibration(double intercept, double scoreWeight, double marginWeight) {
    public static final Calibration FITTED = new Calibration(-0.7321, 0.7589, 10.0948);

    public double confidence(double score, double margin) {
        double z = intercept + scoreWeight * score + marginWeight * margin;
        return 1 / (1 + Math.exp(-z));
    }

    double confidence(CategoryMatch match) {
        return confidence(match.score(), match.margin());
    }
}
