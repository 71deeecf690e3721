package com.hummdesk.ai.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {
    @Test
    void accuracy_and_macro_f1() {
        var scores = Scores.of(List.of("a", "a", "b", "b"), List.of("a", "b", "b", "b"));

        assertThat(scores.accuracy()).isEqualTo(0.75);
        // a: P 1, R 0.5, F1 2/3; b: P 2/3, R 1, F1 0.8
        assertThat(scores.macroF1()).isCloseTo((2.0 / 3 + 0.8) / 2, within(1e-9));
        assertThat(scores.worstFirst().getFirst().label()).isEqualTo("a");
    }

    @Test
    void csv_handles_quotes_commas_and_doubled_quotes() {
        var rows = Csv.parse("text,category\n\"Hi, \"\"there\"\"\",greeting\nplain,x\n");

        assertThat(rows)
                .containsExactly(
                        List.of("text", "category"), List.of("Hi, \"there\"", "greeting"), List.of("plain", "x"));
    }

    @Test
    void platt_fit_separates_right_from_wrong() {
        var points = new java.util.ArrayList<CalibrationPoint>();
        for (int i = 0; i < 200; i++) {
            double score = i / 200.0;
            points.add(new CalibrationPoint(score, score / 2, 0, i % 10 < (score > 0.5 ? 9 : 3)));
        }
        var calibration = PlattFit.fit(points);

        assertThat(calibration.confidence(0.9, 0.45)).isGreaterThan(0.8);
        assertThat(calibration.confidence(0.1, 0.05)).isLessThan(0.4);
    }
}
