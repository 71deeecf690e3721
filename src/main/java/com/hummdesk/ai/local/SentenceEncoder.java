package com.hummdesk.ai.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The in-process sentence-embedding model: all-MiniLM-L6-v2, quantized (148 MB RSS, ~2 ms for a short message;
 * the weights ship inside langchain4j's Maven jar, nothing is downloaded; {@link OnnxSentenceModel} runs them).
 * English-only and it reads just the first 128 tokens, which is why the classifiers add lexical features. Expensive
 * to load: build one per process and share it. Vectors are unit length. Example sentences are embedded again whenever
 * a category set changes, so they are cached.
 */
public final class SentenceEncoder {
    public static final String MODEL = "all-MiniLM-L6-v2-q";
    public static final int DIMENSIONS = 384;

    private final OnnxSentenceModel model = new OnnxSentenceModel("all-minilm-l6-v2-q", "", DIMENSIONS);
    private final Cache<String, float[]> examples =
            Caffeine.newBuilder().maximumSize(20_000).build();

    /** Embeds a message (not cached: messages rarely repeat). */
    public float[] embed(String text) {
        return model.embed(text);
    }

    /** Embeds an example or anchor sentence, reusing earlier results. The array must not be modified. */
    public float[] embedCached(String text) {
        return examples.get(text, this::embed);
    }

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        var out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

    static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
