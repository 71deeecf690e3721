package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VaderScorerTest {
    private static final VaderScorer VADER = VaderScorer.load();

    private static double compound(String text) {
        return VADER.score(text).compound();
    }

    @Test
    void polarity_follows_the_lexicon() {
        assertThat(compound("Great support, thanks a lot")).isGreaterThan(0.5);
        assertThat(compound("Terrible service, I hate this")).isLessThan(-0.5);
        assertThat(compound("What is the address of your office?")).isZero();
        assertThat(compound("")).isZero();
    }

    @Test
    void negation_flips_and_boosters_and_capitals_strengthen() {
        assertThat(compound("The update is not good")).isLessThan(0);
        assertThat(compound("The app isn't bad")).isGreaterThan(0);
        assertThat(compound("The reply was very helpful")).isGreaterThan(compound("The reply was helpful"));
        assertThat(compound("The reply was slightly helpful")).isLessThan(compound("The reply was helpful"));
        assertThat(compound("This is AWFUL and slow")).isLessThan(compound("This is awful and slow"));
        assertThat(compound("Thanks for the help!!!")).isGreaterThan(compound("Thanks for the help"));
    }

    @Test
    void what_follows_but_weighs_more() {
        assertThat(compound("The agent was nice but the problem is still not solved, awful"))
                .isLessThan(0);
        assertThat(compound("It took a while but the result is excellent")).isGreaterThan(0);
    }

    @Test
    void shares_are_fractions_and_emoticons_count() {
        var score = VADER.score("Love it :) but the price is bad");
        assertThat(score.positive()).isBetween(0.0, 1.0);
        assertThat(score.negative()).isBetween(0.0, 1.0);
        assertThat(score.positive() + score.negative()).isLessThanOrEqualTo(1.0);
        assertThat(compound("ok :(")).isLessThan(0);
    }
}
