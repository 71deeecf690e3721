package com.hummdesk.ai.eval;

import com.hummdesk.ai.local.LanguageDetector;
import com.hummdesk.ai.local.LocalProvider;
import com.hummdesk.ai.local.SentenceEncoder;
import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar hummdesk.jar eval-ai}: measures the local provider on the development data and prints the
 * figures as Markdown (pasted into bench/ai/RESULTS.md), or with --fit-calibration refits the confidence
 * calibration and prints the constants for {@code Calibration.FITTED}.
 */
public final class EvalAiCommand {
    private static final double[] BUCKETS = {0, 0.3, 0.5, 0.7, 0.85, 0.95, 1.0000001};
    private static final int WORST = 10;

    private EvalAiCommand() {}

    public static int run(List<String> args, PrintStream out) {
        var options = EvalOptions.parse(args);
        var data = new DataSets(options.data());
        if (!data.exists()) {
            out.println("eval-ai: no data at " + options.data().toAbsolutePath() + " (use --data DIR)");
            return 2;
        }
        long heapBefore = MachineInfo.heapUsedMb();
        long rssBefore = MachineInfo.rssMb();
        long started = System.nanoTime();
        var encoder = new SentenceEncoder();
        long encoderMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        var languages = new LanguageDetector(LanguageDetector.DEFAULT_LANGUAGES, !options.linguaHighAccuracy());
        long linguaMs = (System.nanoTime() - started) / 1_000_000;
        var provider = new LocalProvider(encoder, languages);
        long heapModels = MachineInfo.heapUsedMb() - heapBefore;
        long rssModels = MachineInfo.rssMb() - rssBefore;
        var evaluation = new AiEvaluation(provider, data, options);

        if (options.fitCalibration()) {
            var fitted = evaluation.fitCalibration(options.shots());
            out.printf(
                    Locale.ROOT,
                    "Calibration fitted on banking77 train (seeds 101-103, shots %s, held-out rows):%n"
                            + "    static final Calibration FITTED = new Calibration(%.4f, %.4f, %.4f);%n",
                    options.shots(),
                    fitted.intercept(),
                    fitted.scoreWeight(),
                    fitted.marginWeight());
            return 0;
        }

        out.println("# Local AI provider: evaluation");
        out.println();
        out.println("- date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        out.printf(
                Locale.ROOT,
                "- machine: %s; load average %.1f at start%n",
                MachineInfo.describe(),
                MachineInfo.loadAverage());
        out.println("- data: " + options.data() + " (seed " + options.seed()
                + (options.limit() > 0 ? ", limited to " + options.limit() + " rows per set" : "") + ")");
        out.printf(
                Locale.ROOT,
                "- models: %s loaded in %d ms, Lingua (%s accuracy, %d languages) in %d ms; heap +%d MB, RSS +%d MB"
                        + " after loading%n",
                SentenceEncoder.MODEL,
                encoderMs,
                options.linguaHighAccuracy() ? "high" : "low",
                LanguageDetector.DEFAULT_LANGUAGES.size(),
                linguaMs,
                heapModels,
                rssModels);
        out.println();

        if (options.runs("banking77")) {
            banking77(evaluation, options, out);
        }
        if (options.runs("sentiment")) {
            sentiment(evaluation, out);
        }
        if (options.runs("langid")) {
            languages(evaluation, out);
        }
        out.printf(
                Locale.ROOT,
                "Memory after the whole run: heap %d MB in use, RSS %d MB.%n",
                MachineInfo.heapUsedMb(),
                MachineInfo.rssMb());
        return 0;
    }

    private static void banking77(AiEvaluation evaluation, EvalOptions options, PrintStream out) {
        var results = new ArrayList<FewShotResult>();
        out.println("## banking77 few-shot categories (examples from train.csv, scored on test.csv)");
        out.println();
        out.println("| examples per label | accuracy | macro-F1 | rows |");
        out.println("| ---: | ---: | ---: | ---: |");
        for (int shots : options.shots()) {
            var result = evaluation.banking77(shots);
            results.add(result);
            out.printf(
                    Locale.ROOT,
                    "| %d | %.4f | %.4f | %d |%n",
                    shots,
                    result.scores().accuracy(),
                    result.scores().macroF1(),
                    result.scores().count());
        }
        for (var result : results) {
            out.println();
            out.println("Worst " + WORST + " classes at " + result.shots() + " examples per label:");
            out.println();
            printClasses(
                    out,
                    result.scores()
                            .worstFirst()
                            .subList(
                                    0,
                                    Math.min(WORST, result.scores().perClass().size())));
        }
        out.println();

        out.println("## Confidence calibration (banking77 test, the few-shot runs above)");
        out.println();
        out.println("| examples per label | confidence | rows | share | accuracy |");
        out.println("| ---: | --- | ---: | ---: | ---: |");
        for (var result : results) {
            for (int b = 0; b + 1 < BUCKETS.length; b++) {
                double low = BUCKETS[b];
                double high = BUCKETS[b + 1];
                var inBucket = result.points().stream()
                        .filter(p -> p.confidence() >= low && p.confidence() < high)
                        .toList();
                out.printf(
                        Locale.ROOT,
                        "| %d | %.2f-%.2f | %d | %.3f | %s |%n",
                        result.shots(),
                        low,
                        Math.min(high, 1.0),
                        inBucket.size(),
                        (double) inBucket.size() / result.points().size(),
                        accuracy(inBucket));
            }
        }
        out.println();
        for (var result : results) {
            var confident =
                    result.points().stream().filter(p -> p.confidence() >= 0.85).toList();
            out.printf(
                    Locale.ROOT,
                    "- %d examples: confidence >= 0.85 is right %s of the time, covering %.1f%% of messages%n",
                    result.shots(),
                    accuracy(confident),
                    100.0 * confident.size() / result.points().size());
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "## Latency of classify (one thread, after warm-up; banking77 test messages; load average %.1f)%n",
                MachineInfo.loadAverage());
        out.println();
        out.println("| examples per label | wall p50 ms | wall p99 ms | CPU ms per call (mean, all threads) | calls |");
        out.println("| ---: | ---: | ---: | ---: | ---: |");
        for (var result : results) {
            out.printf(
                    Locale.ROOT,
                    "| %d | %.2f | %.2f | %.2f | %d |%n",
                    result.shots(),
                    Percentiles.of(result.latenciesMs(), 50),
                    Percentiles.of(result.latenciesMs(), 99),
                    result.cpuMsPerCall(),
                    result.latenciesMs().length);
        }
        out.println();
    }

    private static void sentiment(AiEvaluation evaluation, PrintStream out) {
        var sentiment = evaluation.sentiment();
        out.println("## Sentiment: tweeteval val (3 classes; frustrated counted as negative)");
        out.println();
        out.printf(
                Locale.ROOT,
                "macro-F1 %.4f, accuracy %.4f over %d tweets%n%n",
                sentiment.macroF1(),
                sentiment.accuracy(),
                sentiment.count());
        printClasses(out, sentiment.perClass());
        out.println();
    }

    private static void languages(AiEvaluation evaluation, PrintStream out) {
        var langid = evaluation.languages();
        out.println("## Language: ud_langid (10 configured languages)");
        out.println();
        out.printf(
                Locale.ROOT,
                "accuracy %.4f over %d sentences; %.4f over the %d of 20+ characters; detection p50 %.2f ms%n%n",
                langid.all().accuracy(),
                langid.all().count(),
                langid.atLeast20Chars().accuracy(),
                langid.atLeast20Chars().count(),
                langid.p50Ms());
        out.println("| language | recall (all) | recall (20+ chars) | F1 (all) | rows |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        for (var figures : langid.all().perClass()) {
            var longFigures = langid.atLeast20Chars().perClass().stream()
                    .filter(f -> f.label().equals(figures.label()))
                    .findFirst();
            out.printf(
                    Locale.ROOT,
                    "| %s | %.4f | %s | %.4f | %d |%n",
                    figures.label(),
                    figures.recall(),
                    longFigures
                            .map(f -> String.format(Locale.ROOT, "%.4f", f.recall()))
                            .orElse("-"),
                    figures.f1(),
                    figures.support());
        }
        out.println();
    }

    private static void printClasses(PrintStream out, List<ClassFigures> classes) {
        out.println("| class | precision | recall | F1 | rows |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        for (var figures : classes) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %d |%n",
                    figures.label(),
                    figures.precision(),
                    figures.recall(),
                    figures.f1(),
                    figures.support());
        }
    }

    private static String accuracy(List<CalibrationPoint> points) {
        if (points.isEmpty()) {
            return "-";
        }
        long right = points.stream().filter(CalibrationPoint::correct).count();
        return String.format(Locale.ROOT, "%.3f", (double) right / points.size());
    }
}
