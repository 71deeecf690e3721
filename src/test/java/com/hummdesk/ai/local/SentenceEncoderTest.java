package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encoder runs MiniLM's model files itself: its vectors must be the ones langchain4j's MiniLM model gives, which
 * every stored knowledge-base vector, category example and fitted weight came from.
 */
class SentenceEncoderTest {
    private static final SentenceEncoder encoder = SharedEncoder.get();

    @Test
    void gives_langchain4j_s_vectors() {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (var text : List.of(
                "How do I reset my password?",
                "I was charged TWICE for order #A-1043 — refund please!!! 😡",
                "Hyvää päivää, tilaukseni ei ole saapunut. Missä se on?",
                "Ich möchte mein Abonnement kündigen, bitte bestätigen Sie das.",
                "Error 0x80070005 in C:\\Program Files\\app.exe when https://example.com/login?x=1 loads",
                "unbelievably disappointing, misunderstandings everywhere",
                "The parcel was late and the box was damaged when it arrived. ".repeat(20) + "Refund me.",
                "x".repeat(1_500))) {
            var expected =
                    SentenceEncoder.normalize(reference.embed(text).content().vector());
            assertSameVector(encoder.embed(text), expected, text);
        }
    }

    /** The same vector as another implementation's, to float rounding. */
    static void assertSameVector(float[] actual, float[] expected, String text) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s [%d]", text, i).isCloseTo(expected[i], within(1e-5f));
        }
    }

    @Test
    void reads_the_first_128_tokens_and_embeds_blank_text_as_a_full_stop() {
        var long1 = "The parcel was late and the box was damaged when it arrived. ".repeat(20);

        assertThat(encoder.embed(long1 + " Everything else was wonderful!")).containsExactly(encoder.embed(long1));
        assertThat(encoder.embed("  ")).containsExactly(encoder.embed("."));
        assertThat(SentenceEncoder.dot(encoder.embed(long1), encoder.embed(long1)))
                .isCloseTo(1f, within(1e-4f));
    }

    @Test
    void alike_texts_are_closer() {
        var reset = encoder.embed("How can I change my password?");
        var forgot = encoder.embed("I forgot my login password");
        var shipping = encoder.embed("When will my parcel be delivered?");

        assertThat(SentenceEncoder.dot(reset, forgot)).isGreaterThan(SentenceEncoder.dot(reset, shipping));
    }
}
