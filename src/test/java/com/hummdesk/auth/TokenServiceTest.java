package com.hummdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hummdesk.platform.errors.Unauthorized;
import com.hummdesk.platform.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Remembering verified access tokens changes nothing a client can observe: expiry and tampering still refuse. */
class TokenServiceTest {
    private static final String SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void a_remembered_token_is_refused_once_it_expires() {
        var clock = new Hands();
        var tokens = new TokenService(SECRET, Duration.ofMinutes(15), clock);
        var token = tokens.accessToken(7, 3, Role.AGENT);

        var user = tokens.agent(token);
        assertThat(tokens.agent(token)).isEqualTo(user);
        assertThat(user.userId()).isEqualTo(7);
        assertThat(user.accountId()).isEqualTo(3);

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThatThrownBy(() -> tokens.agent(token)).isInstanceOf(Unauthorized.class);
    }

    @Test
    void a_token_differing_from_a_remembered_one_is_verified_afresh() {
        var tokens = new TokenService(SECRET, Duration.ofMinutes(15), Clock.systemUTC());
        var token = tokens.accessToken(7, 3, Role.AGENT);
        tokens.agent(token);

        var tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tokens.agent(tampered)).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> tokens.agent(token + " ")).isInstanceOf(Unauthorized.class);
    }

    @Test
    void memory_stays_bounded() {
        var tokens = new TokenService(SECRET, Duration.ofMinutes(15), Clock.systemUTC());
        for (int i = 0; i < TokenService.MAX_REMEMBERED + 5; i++) {
            tokens.agent(tokens.accessToken(i, 1, Role.AGENT));
        }
        assertThat(tokens.remembered()).isLessThanOrEqualTo(TokenService.MAX_REMEMBERED);
        assertThat(tokens.agent(tokens.accessToken(1, 1, Role.AGENT)).userId()).isEqualTo(1);
    }
}
