package com.hummdesk.ai.local;

import com.hummdesk.ai.Sentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sentiment from four signals: kernel ridge over hand-written anchor sentences (resource ai/sentiment-anchors.tsv,
 * four labels) on the message embedding, VADER valence ({@link VaderScorer}), the small multilingual polarity
 * lexicon, and frustration cues. The first three are combined by a logistic (softmax) layer over three classes
 * (positive, neutral, negative), to which each frustration cue adds a fixed push towards negative. A negative
 * verdict becomes frustrated when the frustrated anchors outscore the negative ones (each cue tipping it); two or
 * more frustration cues make any verdict but positive frustrated; a frustration cue that also raises priority (a
 * legal threat, a cancellation) makes a neutral verdict negative.
 *
 * <p>When that layer is unsure (top probability under {@link #ESCALATE_BELOW}), a second layer decides instead: the
 * same features plus the anchors scored with a second encoder, e5 ({@link E5Encoder}), which is better at
 * sentiment than MiniLM but twice as slow, so only unsure messages pay for it.
 *
 * <p>The weights of both layers were fitted on the even-numbered rows of tweeteval's sentiment val split (the odd
 * rows scored as held out: see bench/ai/RESULTS.md and bench/ai/sentiment-encoders); the anchors and lexicons were
 * written or chosen without it. A message with no lexicon hits and no anchor resemblance falls to neutral.
 */
final class SentimentModel {
    static final KernelRidge.Params PARAMS = new KernelRidge.Params(0, 2.0, 1.0);
    /** A frustration cue's weight when telling frustrated from negative: about one standard deviation of the gap. */
    static final double CUE_WEIGHT = 0.09;
    /** What each frustration cue adds to the negative logit (set by hand; 0.75-1.0 is neutral on tweets). */
    static final double CUE_LOGIT = 1.0;
    /**
     * Softmax weights, one row per feature (anchor scores positive, neutral, negative, frustrated; VADER compound,
     * positive share, negative share; lexicon polarity above and below zero), one column per class (positive,
     * neutral, negative); fitted as the class comment says (L2 0.01 on standardised features, folded back).
     */
    static final double[][] WEIGHTS = {
        {5.62918, -0.63769, -4.99149},
        {-0.89884, 1.43424, -0.53540},
        {-3.47083, -0.97289, 4.44372},
        {-2.26020, -2.04055, 4.30075},
        {0.58678, -0.09894, -0.48785},
        {1.55756, -0.90047, -0.65709},
        {-2.39376, -1.67629, 4.07005},
        {0.42043, -0.48734, 0.06691},
        {0.25270, 0.20207, -0.45477},
    };

    static final double[] BIAS = {0.17009, 0.94551, -1.11561};

    /**
     * Below this top probability the first layer is unsure, and the message goes to the second layer, which also
     * reads the anchors scored with e5 ({@link E5Encoder}): 35-44 % of tweets (bench/ai/sentiment-encoders).
     */
    static final double ESCALATE_BELOW = 0.6;
    /**
     * The second layer: the nine features above, then the anchor scores with e5 (positive, neutral, negative,
     * frustrated); fitted like {@link #WEIGHTS}, on the same rows (fit_cascade.py).
     */
    static final double[][] WEIGHTS_E5 = {
        {2.92125, 0.43049, -3.35173},
        {-0.76642, 0.63219, 0.13423},
        {-1.56859, -1.29278, 2.86137},
        {0.12193, -0.64783, 0.52590},
        {0.35783, -0.03383, -0.32400},
        {1.73877, -0.88732, -0.85145},
        {-1.93298, -1.52019, 3.45317},
        {0.24289, -0.40409, 0.16120},
        {0.04283, 0.25975, -0.30258},
        {3.80786, -1.26837, -2.53949},
        {-1.04979, 1.76789, -0.71810},
        {-3.77983, 1.37035, 2.40948},
        {-4.88693, -2.41087, 7.29780},
    };

    static final double[] BIAS_E5 = {0.56718, 0.84702, -1.41420};

    /** The label and the evidence behind it. */
    record Result(
            Sentiment sentiment, SentimentLexicon.Score lexicon, List<CueHit> frustrationCues, boolean secondLayer) {}

    private final KernelRidge ridge;
    private final SentimentLexicon lexicon;
    private final VaderScorer vader;
    private final List<String> anchorTexts;
    private final int[] anchorLabels;
    private final Supplier<E5Encoder> e5;
    /** The anchors scored with e5, fitted on the first unsure message (loading e5 takes a second). */
    private volatile KernelRidge e5Ridge;

    private SentimentModel(
            KernelRidge ridge,
            SentimentLexicon lexicon,
            VaderScorer vader,
            List<String> anchorTexts,
            int[] anchorLabels,
            Supplier<E5Encoder> e5) {
        this.ridge = ridge;
        this.lexicon = lexicon;
        this.vader = vader;
        this.anchorTexts = anchorTexts;
        this.anchorLabels = anchorLabels;
        this.e5 = e5;
    }

    static SentimentModel load(SentenceEncoder encoder) {
        return load(encoder, E5Encoder::shared);
    }

    /** As {@link #load(SentenceEncoder)}, with the second layer's encoder from {@code e5}. */
    static SentimentModel load(SentenceEncoder encoder, Supplier<E5Encoder> e5) {
        var texts = new ArrayList<String>();
        var labels = new ArrayList<Integer>();
        try (var in = Objects.requireNonNull(
                        SentimentModel.class.getResourceAsStream("/ai/sentiment-anchors.tsv"),
                        "ai/sentiment-anchors.tsv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var parts = line.split("\t", 2);
                texts.add(parts[1].strip());
                labels.add(Sentiment.valueOf(parts[0].strip().toUpperCase(java.util.Locale.ROOT))
                        .ordinal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] anchorLabels = labels.stream().mapToInt(Integer::intValue).toArray();
        var ridge = anchorRidge(texts.stream().map(encoder::embedCached).toArray(float[][]::new), anchorLabels);
        return new SentimentModel(
                ridge, SentimentLexicon.load(), VaderScorer.load(), List.copyOf(texts), anchorLabels, e5);
    }

    private static KernelRidge anchorRidge(float[][] embeddings, int[] labels) {
        var lexical = new SparseVector[embeddings.length];
        Arrays.fill(lexical, SparseVector.EMPTY);
        return KernelRidge.fit(embeddings, lexical, labels, Sentiment.values().length, PARAMS);
    }

    /** Loads e5 and scores the anchors with it now rather than on the first unsure message. */
    void loadSecondLayer() {
        e5Ridge();
    }

    private KernelRidge e5Ridge() {
        var fitted = e5Ridge;
        if (fitted == null) {
            synchronized (this) {
                if (e5Ridge == null) {
                    var encoder = e5.get();
                    e5Ridge = anchorRidge(
                            anchorTexts.stream().map(encoder::embedCached).toArray(float[][]::new), anchorLabels);
                }
                fitted = e5Ridge;
            }
        }
        return fitted;
    }

    /** The second layer's logits, or null if e5 could not be loaded (the first layer's verdict stands then). */
    private double[] secondLayer(String text, double[] features) {
        try {
            return logits(withE5(text, features), WEIGHTS_E5, BIAS_E5);
        } catch (RuntimeException | LinkageError e) {
            return null; // logged where the models are loaded (LocalModels)
        }
    }

    /**
     * The first layer's features (see {@link #WEIGHTS}) of a message with this MiniLM embedding; also what the
     * weights are fitted on (bench/ai/sentiment-encoders/CascadeFeatures.java).
     */
    double[] features(String text, float[] embedding) {
        return features(text, embedding, lexicon.score(text));
    }

    private double[] features(String text, float[] embedding, SentimentLexicon.Score lexiconScore) {
        var anchors = ridge.scores(embedding, SparseVector.EMPTY);
        double polarity = Math.tanh(lexiconScore.value() / 2);
        var valence = vader.score(text);
        return new double[] {
            anchors[Sentiment.POSITIVE.ordinal()],
            anchors[Sentiment.NEUTRAL.ordinal()],
            anchors[Sentiment.NEGATIVE.ordinal()],
            anchors[Sentiment.FRUSTRATED.ordinal()],
            valence.compound(),
            valence.positive(),
            valence.negative(),
            Math.max(polarity, 0),
            Math.min(polarity, 0)
        };
    }

    /** The second layer's features (see {@link #WEIGHTS_E5}): the first layer's, then the anchors scored with e5. */
    double[] withE5(String text, double[] features) {
        var e5Anchors = e5Ridge().scores(e5.get().embed(text), SparseVector.EMPTY);
        var both = Arrays.copyOf(features, features.length + 4);
        both[features.length] = e5Anchors[Sentiment.POSITIVE.ordinal()];
        both[features.length + 1] = e5Anchors[Sentiment.NEUTRAL.ordinal()];
        both[features.length + 2] = e5Anchors[Sentiment.NEGATIVE.ordinal()];
        both[features.length + 3] = e5Anchors[Sentiment.FRUSTRATED.ordinal()];
        return both;
    }

    /** Whether the first layer's verdict on these logits is too unsure to keep (see {@link #ESCALATE_BELOW}). */
    static boolean unsure(double[] logits) {
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double sum = 0;
        for (double logit : logits) {
            sum += Math.exp(logit - max);
        }
        return 1 / sum < ESCALATE_BELOW;
    }

    private static double[] logits(double[] features, double[][] weights, double[] bias) {
        var logits = bias.clone();
        for (int f = 0; f < features.length; f++) {
            for (int c = 0; c < logits.length; c++) {
                logits[c] += features[f] * weights[f][c];
            }
        }
        return logits;
    }

    Result classify(String text, float[] embedding, List<CueHit> cues) {
        var lexiconScore = lexicon.score(text);
        var features = features(text, embedding, lexiconScore);
        var logits = logits(features, WEIGHTS, BIAS);
        var second = unsure(logits) ? secondLayer(text, features) : null;
        if (second != null) {
            logits = second;
        }
        var frustration = cues.stream().filter(hit -> hit.cue().frustration()).toList();
        // Explicit frustration (a legal threat, "third time", "unacceptable") is negative in any language, where
        // VADER and the English-only embedding may see nothing.
        logits[2] += CUE_LOGIT * frustration.size();
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        // A legal threat or a cancellation is never neutral, whatever the language.
        if (best == 1 && frustration.stream().anyMatch(hit -> hit.cue().priority() != null)) {
            best = 2;
        }
        Sentiment sentiment;
        if (frustration.size() >= 2 && best != 0) {
            sentiment = Sentiment.FRUSTRATED;
        } else if (best == 2) {
            // The first layer's anchor scores: features[3] frustrated, features[2] negative.
            boolean frustrated = features[3] + CUE_WEIGHT * frustration.size() > features[2];
            sentiment = frustrated ? Sentiment.FRUSTRATED : Sentiment.NEGATIVE;
        } else {
            sentiment = best == 0 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        }
        return new Result(sentiment, lexiconScore, frustration, second != null);
    }
}
