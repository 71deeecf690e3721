package com.hummdesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void known_distances() {
        assertThat(EditDistance.levenshtein(
                        "kitten".codePoints().toArray(), "sitting".codePoints().toArray()))
                .isEqualTo(3);
        assertThat(EditDistance.normalised("kitten", "sitting")).isCloseTo(3 / 7.0, within(1e-9));
        assertThat(EditDistance.normalised("flaw", "lawn")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void bounds() {
        assertThat(EditDistance.normalised("", "")).isZero();
        assertThat(EditDistance.normalised("same text", "same text")).isZero();
        assertThat(EditDistance.normalised("", "abc")).isEqualTo(1.0);
        assertThat(EditDistance.normalised("abc", "xyz")).isEqualTo(1.0);
    }

    @Test
    void symmetric_and_counts_code_points() {
        assertThat(EditDistance.normalised("Hello there", "Hello, there!"))
                .isEqualTo(EditDistance.normalised("Hello, there!", "Hello there"));
        // One emoji (two UTF-16 chars) replaced by another is one edit of two characters.
        assertThat(EditDistance.normalised("a🙂", "a🙃")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void the_longest_messages_take_well_under_a_second() {
        var a = "The quick brown fox jumps over the lazy dog. ".repeat(222);
        var b = "A quick brown cat leaps over the lazy dogs! ".repeat(222);
        long started = System.nanoTime();
        double d = EditDistance.normalised(a, b);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(d).isBetween(0.0, 1.0);
        assertThat(ms).isLessThan(2_000);
    }
}
