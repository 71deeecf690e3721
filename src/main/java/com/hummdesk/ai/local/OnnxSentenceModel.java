package com.hummdesk.ai.local;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * A BERT-style sentence encoder run on ONNX Runtime from model files on the class path: the text's first 128 tokens,
 * the token vectors averaged (mean pooling) and the result unit length, as langchain4j's ONNX embedding models compute
 * it (the encoders' tests compare the two).
 *
 * <p>One intra-op thread, on the caller's thread. On two vCPUs a short text's embedding was no slower on one thread
 * than on two (p50 1.8-2.1 ms either way, each call reading all of the model's 23-34 MB of weights), while a second
 * thread waits at every layer for a core that PostgreSQL, the JIT or another request may hold, and spins meanwhile.
 * Side by side on two vCPUs (BENCHMARKS.md, session 9) against langchain4j's pool of two spinning threads: classify
 * used 6.4-7.4 instead of 16.8-17.6 ms of CPU per message (wall p99 17-19 instead of 29-32 ms), and a knowledge-base
 * search embedding its query had a p99 of 7.8 / 8.5 instead of 9.0 / 11.1 ms. The vectors are the same.
 */
final class OnnxSentenceModel {
    private static final int MAX_TOKENS = 128;
    /** More characters than the 128 tokens the model reads would only cost tokenizer time. */
    private static final int MAX_CHARS = 1_000;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final String prefix;
    private final int dimensions;

    /** Loads {@code name}.onnx and {@code name}-tokenizer.json; {@code prefix} is put before every text. */
    OnnxSentenceModel(String name, String prefix, int dimensions) {
        this.prefix = prefix;
        this.dimensions = dimensions;
        try (var weights = resource(name + ".onnx");
                var vocabulary = resource(name + "-tokenizer.json");
                var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = environment.createSession(weights.readAllBytes(), options);
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    vocabulary,
                    Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the " + name + " encoder's files", e);
        } catch (OrtException e) {
            throw new IllegalStateException("could not load the " + name + " encoder", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        var stream = OnnxSentenceModel.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IOException(name + " is not on the class path");
        }
        return stream;
    }

    /** The text's unit-length vector; a blank text is embedded as ".". */
    float[] embed(String text) {
        var input = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        long[] ids = tokenizer
                .encode(prefix + (input.isBlank() ? "." : input), true, false)
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
            var mean = new float[dimensions];
            for (int t = 0; t < ids.length; t++) {
                for (int j = 0; j < dimensions; j++) {
                    mean[j] += states.get(t * dimensions + j);
                }
            }
            return SentenceEncoder.normalize(mean);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence encoder failed: " + e.getMessage(), e);
        }
    }
}
