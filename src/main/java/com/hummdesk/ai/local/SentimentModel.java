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
 * Sentiment from three signals: kernel ridge over hand-written anchor sentences (resource
 * ai/sentiment-anchors.tsv, four labels) on the message embedding, the polarity lexicon, and frustration cues. The
 * weights put the lexicon and each cue at about one anchor-score standard deviation; they were set on the anchors
 * and a few hand-written messages, not on any benchmark split.
 */
final class SentimentModel {
    static final KernelRidge.Params PARAMS = new KernelRidge.Params(0, 5.0, 1.0);
    static final double LEXICON_WEIGHT = 0.05;
    static final double CUE_WEIGHT = 0.04;

    /** The label and the evidence behind it. */
    record Result(Sentiment sentiment, SentimentLexicon.Score lexicon, List<CueHit> frustrationCues) {}

    private final KernelRidge ridge;
    private final SentimentLexicon lexicon;

    private SentimentModel(KernelRidge ridge, SentimentLexicon lexicon) {
        this.ridge = ridge;
        this.lexicon = lexicon;
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
        return new SentimentModel(ridge, SentimentLexicon.load());
    }

    Result classify(String text, float[] embedding, List<CueHit> cues) {
        var scores = ridge.scores(embedding, SparseVector.EMPTY);
        var lexiconScore = lexicon.score(text);
        double polarity = Math.tanh(lexiconScore.value() / 2);
        if (polarity > 0) {
            scores[Sentiment.POSITIVE.ordinal()] += LEXICON_WEIGHT * polarity;
        } else {
            scores[Sentiment.NEGATIVE.ordinal()] -= LEXICON_WEIGHT * polarity;
            scores[Sentiment.FRUSTRATED.ordinal()] -= LEXICON_WEIGHT * polarity;
        }
        var frustration = cues.stream().filter(hit -> hit.cue().frustration()).toList();
        scores[Sentiment.FRUSTRATED.ordinal()] += CUE_WEIGHT * frustration.size();
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return new Result(Sentiment.values()[best], lexiconScore, frustration);
    }
}
