package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.ai.Sentiment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two layers: a sure first verdict is kept, an unsure one is decided by the layer that also reads e5. */
class SentimentModelTest {
    private static final SentimentModel model = SentimentModel.load(SharedEncoder.get());

    private static SentimentModel.Result classify(String text) {
        return model.classify(text, SharedEncoder.get().embed(text), List.of());
    }

    @Test
    void unsure_means_a_top_probability_under_the_threshold() {
        assertThat(SentimentModel.unsure(new double[] {0, 0, 0}))
                .as("a third each")
                .isTrue();
        assertThat(SentimentModel.unsure(new double[] {3, 0, 0})).as("0.91").isFalse();
        // Logits {a, 0, 0}: the top probability is e^a / (e^a + 2), so a = ln(2p / (1 - p)).
        double sureEnough = Math.log(2 * 0.61 / 0.39);
        double tooUnsure = Math.log(2 * 0.59 / 0.41);
        assertThat(SentimentModel.unsure(new double[] {sureEnough, 0, 0})).isFalse();
        assertThat(SentimentModel.unsure(new double[] {tooUnsure, 0, 0})).isTrue();
    }

    @Test
    void a_clear_message_stays_with_the_first_layer() {
        var thanks = classify("Thank you so much, everything works perfectly now!");
        var complaint = classify("This is the worst service I have ever had, totally useless.");

        assertThat(thanks.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(thanks.secondLayer()).isFalse();
        assertThat(complaint.sentiment()).isIn(Sentiment.NEGATIVE, Sentiment.FRUSTRATED);
        assertThat(complaint.secondLayer()).isFalse();
    }

    @Test
    void an_unsure_message_goes_to_the_second_layer() {
        var unsure = classify("The update came out today, not sure what to think of it yet.");

        assertThat(unsure.secondLayer()).isTrue();
        assertThat(unsure.sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void without_e5_the_first_layer_s_verdict_stands() {
        var withoutE5 = SentimentModel.load(SharedEncoder.get(), () -> {
            throw new IllegalStateException("e5 could not be loaded");
        });
        var text = "The update came out today, not sure what to think of it yet.";

        var result = withoutE5.classify(text, SharedEncoder.get().embed(text), List.of());

        assertThat(result.secondLayer()).isFalse();
        assertThat(result.sentiment()).isNotNull();
    }
}
