package com.hummdesk.ai.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the evaluation end to end on a thin slice of the shared data (CI has it beside the checkout). */
class EvalAiCommandTest {
    @Test
    void evaluates_a_slice_of_every_data_set() {
        assumeTrue(
                Files.isDirectory(EvalOptions.DEFAULT_DATA.resolve("banking77")),
                "no development data at " + EvalOptions.DEFAULT_DATA.toAbsolutePath() + "; skipping");
        var bytes = new ByteArrayOutputStream();

        int status = EvalAiCommand.run(
                // Low-accuracy Lingua: the tests' shared provider already holds the 290 MB high-accuracy models.
                List.of("--shots", "5", "--labels", "8", "--limit", "80", "--lingua", "low"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        var report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(report)
                .contains("## banking77 few-shot categories")
                .contains("| 5 | 0.")
                .contains("## Confidence calibration")
                .contains("## Sentiment: tweeteval val")
                .contains("## Language: ud_langid")
                .contains("| fi |")
                .contains("## Latency of classify");
    }

    @Test
    void refuses_a_missing_data_folder() {
        var bytes = new ByteArrayOutputStream();

        int status = EvalAiCommand.run(
                List.of("--data", "/nonexistent/hummdesk-data"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("no data at");
    }

    @Test
    void few_shot_sampling_is_reproducible() {
        var train = List.of(
                new LabeledText("a1", "a"),
                new LabeledText("a2", "a"),
                new LabeledText("a3", "a"),
                new LabeledText("b1", "b"),
                new LabeledText("b2", "b"));

        var first = FewShot.sample(train, 2, 42, 10);

        assertThat(FewShot.sample(train, 2, 42, 10)).isEqualTo(first);
        assertThat(first.categories()).hasSize(2);
        assertThat(first.categories().getFirst().examples()).hasSize(2);
    }
}
