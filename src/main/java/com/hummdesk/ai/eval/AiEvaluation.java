package com.hummdesk.ai.eval;

import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.local.Calibration;
import com.hummdesk.ai.local.LanguageDetector;
import com.hummdesk.ai.local.LocalProvider;
import java.util.ArrayList;
import java.util.List;

/** Runs the local provider over the development data sets. Every figure goes through the real classify path. */
public final class AiEvaluation {
    /** Seeds for calibration fitting: distinct from the evaluation seed so the fit never sees its examples. */
    static final long[] CALIBRATION_SEEDS = {101, 102, 103};

    static final int CALIBRATION_ROWS = 2_000;

    private final LocalProvider provider;
    private final DataSets data;
    private final EvalOptions options;

    public AiEvaluation(LocalProvider provider, DataSets data, EvalOptions options) {
        this.provider = provider;
        this.data = data;
        this.options = options;
    }

    /** banking77: N examples per label from train.csv, scored on test.csv. */
    public FewShotResult banking77(int shots) {
        var fewShot = FewShot.sample(data.banking77("train"), shots, options.seed(), options.maxLabels());
        var labels = fewShot.labels();
        var test = options.limited(data.banking77("test").stream()
                .filter(row -> labels.contains(row.label()))
                .toList());
        var base = ClassificationContext.of("", fewShot.categories());
        // Train the model before timing: that happens once per category change, not per message.
        provider.classify(base.withMessage("warm up"));
        var gold = new ArrayList<String>();
        var predicted = new ArrayList<String>();
        var points = new ArrayList<CalibrationPoint>();
        var latencies = new double[test.size()];
        long cpuStarted = MachineInfo.processCpuNanos();
        for (int i = 0; i < test.size(); i++) {
            var row = test.get(i);
            long started = System.nanoTime();
            var result = provider.classify(base.withMessage(row.text()));
            latencies[i] = (System.nanoTime() - started) / 1e6;
            gold.add(row.label());
            predicted.add(result.category());
            points.add(new CalibrationPoint(
                    0, 0, result.confidence(), result.category().equals(row.label())));
        }
        double cpuMsPerCall = (MachineInfo.processCpuNanos() - cpuStarted) / 1e6 / Math.max(1, test.size());
        return new FewShotResult(shots, Scores.of(gold, predicted), points, latencies, cpuMsPerCall);
    }

    /** tweeteval sentiment (val): three classes, frustrated counted as negative. */
    public Scores sentiment() {
        var rows = options.limited(data.tweetevalSentiment());
        var gold = new ArrayList<String>();
        var predicted = new ArrayList<String>();
        var base = ClassificationContext.of("", List.of());
        for (var row : rows) {
            var result = provider.classify(base.withMessage(row.text()));
            gold.add(row.label());
            predicted.add(result.sentiment().threeClass().wire());
        }
        return Scores.of(gold, predicted);
    }

    /** ud_langid among the ten default languages. */
    public LangIdResult languages() {
        var rows = options.limited(data.udLangid());
        var gold = new ArrayList<String>();
        var predicted = new ArrayList<String>();
        var goldLong = new ArrayList<String>();
        var predictedLong = new ArrayList<String>();
        var latencies = new double[rows.size()];
        int i = 0;
        for (var row : rows) {
            long started = System.nanoTime();
            var language = provider.detectLanguage(row.text(), LanguageDetector.DEFAULT_LANGUAGES);
            latencies[i++] = (System.nanoTime() - started) / 1e6;
            gold.add(row.label());
            predicted.add(language);
            if (row.text().strip().length() >= 20) {
                goldLong.add(row.label());
                predictedLong.add(language);
            }
        }
        return new LangIdResult(
                Scores.of(gold, predicted), Scores.of(goldLong, predictedLong), Percentiles.of(latencies, 50));
    }

    /**
     * Refits {@link Calibration}: for each calibration seed and few-shot size, a model on banking77 train rows and
     * its raw scores on train rows held out from its examples (never test.csv).
     */
    public Calibration fitCalibration(List<Integer> shotSizes) {
        var train = data.banking77("train");
        var points = new ArrayList<CalibrationPoint>();
        for (long seed : CALIBRATION_SEEDS) {
            for (int shots : shotSizes) {
                var fewShot = FewShot.sample(train, shots, seed, options.maxLabels());
                var labels = fewShot.labels();
                var heldOut = new ArrayList<LabeledText>();
                for (var row : train) {
                    if (labels.contains(row.label()) && !fewShot.usedTexts().contains(row.text())) {
                        heldOut.add(row);
                    }
                }
                java.util.Collections.shuffle(heldOut, new java.util.Random(seed));
                var rows = heldOut.subList(
                        0, Math.min(heldOut.size(), options.limit() > 0 ? options.limit() : CALIBRATION_ROWS));
                var base = ClassificationContext.of("", fewShot.categories());
                for (var row : rows) {
                    var match = provider.matchCategory(base.withMessage(row.text()));
                    points.add(new CalibrationPoint(
                            match.score(), match.margin(), 0, match.name().equals(row.label())));
                }
            }
        }
        return PlattFit.fit(points);
    }
}
