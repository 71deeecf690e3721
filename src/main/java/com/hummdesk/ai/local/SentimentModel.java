package com.hummdesk.ai.local;

import com.hummdesk.ai.Sentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sentiment from four signals: kernel ridge over hand-written anchor sentences (resource ai/sentiment-anchors.tsv,
 * four labels) on the message embedding, VADER valence ({@link VaderScorer}), the small multilingual polarity
 * lexicon, and frustration cues. The first three are combined by a logistic (softmax) layer over three classes
 * (positive, neutral, negative), to which each frustration cue adds a fixed push towards negative. A negative
 * verdict becomes frustrated when the frustrated anchors outscore the negative ones (each cue tipping it); two or
 * more frustration cues make any verdict but positive frustrated; a frustration cue that also raises priority (a
 * legal threat, a cancellation) makes a neutral verdict negative.
 *
 * <p>The 30 weights of that layer were fitted on the even-numbered rows of tweeteval's sentiment val split (the
 * odd rows scored as held out: see bench/ai/RESULTS.md); the anchors and lexicons were written or chosen without
 * it. A message with no lexicon hits and no anchor resemblance falls to neutral.
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

    /** The label and the evidence behind it. */
    record Result(Sentiment sentiment, SentimentLexicon.Score lexicon, List<CueHit> frustrationCues) {}

    private final KernelRidge ridge;
    private final SentimentLexicon lexicon;
    private final VaderScorer vader;

    private SentimentModel(KernelRidge ridge, SentimentLexicon lexicon, VaderScorer vader) {
        this.ridge = ridge;
        this.lexicon = lexicon;
        this.vader = vader;
    }

    static SentimentModel load(SentenceEncoder encoder) {
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
        var embeddings = texts.stream().map(encoder::embedCached).toArray(float[][]::new);
        var lexical = new SparseVector[texts.size()];
        java.util.Arrays.fill(lexical, SparseVector.EMPTY);
        var ridge = KernelRidge.fit(
                embeddings,
                lexical,
                labels.stream().mapToInt(Integer::intValue).toArray(),
                Sentiment.values().length,
                PARAMS);
        return new SentimentModel(ridge, SentimentLexicon.load(), VaderScorer.load());
    }

    Result classify(String text, float[] embedding, List<CueHit> cues) {
        var anchors = ridge.scores(embedding, SparseVector.EMPTY);
        var lexiconScore = lexicon.score(text);
        double polarity = Math.tanh(lexiconScore.value() / 2);
        var valence = vader.score(text);
        double[] features = {
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
        var logits = BIAS.clone();
        for (int f = 0; f < features.length; f++) {
            for (int c = 0; c < logits.length; c++) {
                logits[c] += features[f] * WEIGHTS[f][c];
            }
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
            boolean frustrated = anchors[Sentiment.FRUSTRATED.ordinal()] + CUE_WEIGHT * frustration.size()
                    > anchors[Sentiment.NEGATIVE.ordinal()];
            sentiment = frustrated ? Sentiment.FRUSTRATED : Sentiment.NEGATIVE;
        } else {
            sentiment = best == 0 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        }
        return new Result(sentiment, lexiconScore, frustration);
    }
}
