package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e5 encoder runs the model files itself: its vectors must be the ones langchain4j's own ONNX embedding model
 * gives for the same files (e5's mean pooling and "query: " prefix), which is what the second sentiment layer's
 * weights were fitted on.
 */
class E5EncoderTest {
    private static final E5Encoder encoder = E5Encoder.shared();

    @Test
    void gives_langchain4j_s_vectors_for_the_same_model(@TempDir Path dir) throws Exception {
        var model = dir.resolve("e5.onnx");
        var tokenizer = dir.resolve("tokenizer.json");
        for (var file : List.of(model, tokenizer)) {
            var name = file == model ? "e5-small-v2-q.onnx" : "e5-small-v2-q-tokenizer.json";
            try (var in = getClass().getClassLoader().getResourceAsStream(name)) {
                Files.copy(in, file);
            }
        }
        var reference = new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN);

        for (var text : List.of(
                "Thank you so much, that fixed it!",
                "worst. service. ever. @airline #neveragain",
                "The match starts at 8 pm tonight.",
                "Hyvää päivää, tilaukseni ei ole saapunut")) {
            var expected = SentenceEncoder.normalize(
                    reference.embed("query: " + text).content().vector());
            assertThat(expected).hasSize(E5Encoder.DIMENSIONS);
            SentenceEncoderTest.assertSameVector(encoder.embed(text), expected, text);
        }
    }

    @Test
    void vectors_are_unit_length_and_alike_texts_are_closer() {
        var angry = encoder.embed("This is terrible, I am so angry with your service");
        var upset = encoder.embed("I'm really upset, your support has been awful");
        var timetable = encoder.embed("The train leaves at 7:45 from platform 3");

        assertThat(SentenceEncoder.dot(angry, angry)).isCloseTo(1f, within(1e-4f));
        assertThat(SentenceEncoder.dot(angry, upset)).isGreaterThan(SentenceEncoder.dot(angry, timetable));
    }

    @Test
    void reads_the_first_128_tokens() {
        var long1 = "The parcel was late and the box was damaged when it arrived. ".repeat(20);

        assertThat(encoder.embed(long1 + " Everything else was wonderful!")).containsExactly(encoder.embed(long1));
        assertThat(encoder.embed(" ")).containsExactly(encoder.embed("."));
    }
}
