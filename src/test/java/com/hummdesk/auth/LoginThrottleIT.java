package com.hummdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginThrottleIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with("LOGIN_RATE_LIMIT_PER_MINUTE", "5");

    @Test
    void the_sixth_attempt_within_a_minute_for_one_email_gets_429_with_retry_after() {
        for (int i = 0; i < 5; i++) {
            assertThat(Fixtures.login(app, "victim@example.test", "guess-" + i).status())
                    .isEqualTo(401);
        }
        var blocked = Fixtures.login(app, "victim@example.test", "guess-6");

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("error").get("code").asText()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
    }
}
