package com.hummdesk.ai.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The second sentence encoder, for sentiment only: e5-small-v2 (English), quantized, whose weights ship in
 * langchain4j's Maven jar (a version whose classes do not match the langchain4j in use, so only its two files are
 * read). {@link SentimentModel} asks it only about messages the first encoder leaves it unsure of. Inputs get e5's
 * "query: " prefix; pooling is the mean, as e5 is trained. Expensive to load: one per process ({@link #shared}).
 */
final class E5Encoder {
    static final String MODEL = "e5-small-v2-q";
    static final int DIMENSIONS = 384;

    private final OnnxSentenceModel model = new OnnxSentenceModel(MODEL, "query: ", DIMENSIONS);
    private final Cache<String, float[]> anchors =
            Caffeine.newBuilder().maximumSize(1_000).build();

    private static final class Holder {
        static final E5Encoder INSTANCE = new E5Encoder();
    }

    /** The process's one instance, loaded on first use (~1 s, ~100 MB). */
    static E5Encoder shared() {
        return Holder.INSTANCE;
    }

    private E5Encoder() {}

    float[] embed(String text) {
        return model.embed(text);
    }

    /** An anchor sentence's vector, reused. The array must not be modified. */
    float[] embedCached(String text) {
        return anchors.get(text, this::embed);
    }
}
