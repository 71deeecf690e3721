package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalFeaturesTest {
    @Test
    void inflected_words_share_character_ngrams() {
        var features = LexicalFeatures.fit(List.of("laskutus on väärin", "sovellus kaatuu", "salasana unohtui"));

        var invoice = features.vector("laskutuksessa virhe");
        assertThat(invoice.dot(features.vector("laskutus on väärin")))
                .isGreaterThan(invoice.dot(features.vector("sovellus kaatuu")));
    }

    @Test
    void vectors_are_unit_length_or_empty() {
        var features = LexicalFeatures.fit(List.of("charged twice", "app crashes"));
        var v = features.vector("charged twice again");

        assertThat(v.dot(v)).isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(features.vector("???")).isEqualTo(SparseVector.EMPTY);
    }
}
