package com.hummdesk.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationGuardTest {
    private static final ClassificationContext CONTEXT = new ClassificationContext(
            "hello",
            List.of(),
            List.of(),
            List.of(
                    new CategoryDefinition("billing", "", List.of(), 1L),
                    new CategoryDefinition("technical", "", List.of(), 2L)),
            List.of(new TeamRef(1, "Billing"), new TeamRef(2, "Support")),
            List.of("fi", "en"));

    private static Classification raw(String category, String language, Long team, String reasoning) {
        return new Classification(
                category, Priority.NORMAL, Sentiment.NEUTRAL, language, 0.9, reasoning, team, "test", "m", 1);
    }

    @Test
    void a_category_the_account_does_not_have_is_replaced_and_gets_no_confidence() {
        var result = ClassificationGuard.validate(raw("vip_refund", "en", 1L, "r"), CONTEXT);

        assertThat(result.category()).isEqualTo("billing");
        assertThat(result.confidence()).isZero();
    }

    @Test
    void an_unknown_team_falls_back_to_the_category_team() {
        var result = ClassificationGuard.validate(raw("technical", "en", 99L, "r"), CONTEXT);

        assertThat(result.suggestedTeamId()).isEqualTo(2L);
    }

    @Test
    void language_must_be_two_letters_and_reasoning_is_short_plain_text() {
        var result =
                ClassificationGuard.validate(raw("billing", "English\u0000", 1L, "x\u0007".repeat(1_000)), CONTEXT);

        assertThat(result.language()).isEqualTo("fi");
        assertThat(result.reasoning()).hasSizeLessThanOrEqualTo(ClassificationGuard.MAX_REASONING);
        assertThat(result.reasoning()).doesNotContain("\u0007");
    }

    @Test
    void valid_answers_pass_unchanged() {
        var valid = raw("technical", "fi", 2L, "Closest to technical examples.");

        assertThat(ClassificationGuard.validate(valid, CONTEXT)).isEqualTo(valid);
    }

    @Test
    void enums_have_lowercase_wire_names() {
        assertThat(Priority.URGENT.wire()).isEqualTo("urgent");
        assertThat(Sentiment.FRUSTRATED.wire()).isEqualTo("frustrated");
        assertThat(Sentiment.FRUSTRATED.threeClass()).isEqualTo(Sentiment.NEGATIVE);
    }
}
