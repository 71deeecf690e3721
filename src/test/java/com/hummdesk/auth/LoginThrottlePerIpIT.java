package com.hummdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginThrottlePerIpIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with("LOGIN_RATE_LIMIT_PER_MINUTE", "5");

    @Test
    void spraying_many_emails_from_one_ip_is_limited_too() {
        int blocked = 0;
        for (int i = 0; i < 8; i++) {
            var response = Fixtures.login(app, "spray" + i + "@example.test", "guess");
            if (response.status() == 429) {
                blocked++;
            } else {
                assertThat(response.status()).isEqualTo(401);
            }
        }
        assertThat(blocked).isEqualTo(3);
    }
}
