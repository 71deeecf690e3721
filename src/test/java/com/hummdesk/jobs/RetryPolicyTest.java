package com.hummdesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void the_wait_doubles_per_attempt_between_half_and_all_of_the_exponential_delay() {
        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(1, 0.999_999)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(4, 0.999_999)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void the_wait_never_shrinks_from_one_attempt_to_the_next_whatever_the_jitter() {
        for (int attempt = 1; attempt < 20; attempt++) {
            assertThat(policy.delayAfter(attempt + 1, 0.0))
                    .isGreaterThanOrEqualTo(policy.delayAfter(attempt, 0.999_999));
        }
    }

    @Test
    void the_wait_is_capped_after_the_jitter_even_after_very_many_attempts() {
        assertThat(policy.delayAfter(6, 0.999_999)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(10_000, 0.999_999)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(10_000, 0.0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_policy_needs_an_attempt_and_a_sane_delay_range() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.attempts(3, Duration.ofHours(2)).maxDelay()).isEqualTo(Duration.ofHours(2));
    }
}
