package com.hummdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void login_returns_tokens_user_role_and_accounts_in_the_seed_shape() {
        var tenant = Fixtures.tenant(app, "Acme");
        var response = Fixtures.login(app, tenant.ownerEmail(), Fixtures.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        var body = response.json();
        assertThat(body.get("accessToken").asText()).contains(".");
        assertThat(body.get("refreshToken").asText()).hasSizeGreaterThan(30);
        assertThat(body.get("user").get("id").asLong()).isEqualTo(tenant.ownerId());
        assertThat(body.get("user").get("email").asText()).isEqualTo(tenant.ownerEmail());
        assertThat(body.get("user").get("name").asText()).isEqualTo("Acme Owner");
        assertThat(body.get("user").get("accountId").asLong()).isEqualTo(tenant.accountId());
        assertThat(body.get("role").asText()).isEqualTo("owner");
        assertThat(body.get("accounts").get(0).get("name").asText()).isEqualTo("Acme");
    }

    @Test
    void wrong_password_and_unknown_email_get_the_same_401() {
        var tenant = Fixtures.tenant(app, "Wrongpw");
        var wrong = Fixtures.login(app, tenant.ownerEmail(), "not-the-password");
        var unknown = Fixtures.login(app, "nobody@example.test", "whatever-password");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").get("code").asText()).isEqualTo("invalid_credentials");
        assertThat(unknown.json().get("error")).isEqualTo(wrong.json().get("error"));
    }

    @Test
    void me_returns_the_signed_in_user() {
        var tenant = Fixtures.tenant(app, "Meco");
        var me = app.get("/api/auth/me", tenant.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("user").get("email").asText()).isEqualTo(tenant.ownerEmail());
        assertThat(me.json().get("role").asText()).isEqualTo("owner");
    }

    @Test
    void refresh_rotates_and_the_new_token_works_once() {
        var tenant = Fixtures.tenant(app, "Rotate");
        var first = app.post("/api/auth/refresh", Map.of("refreshToken", tenant.refreshToken()), null);
        assertThat(first.status()).isEqualTo(200);
        var second = first.json().get("refreshToken").asText();
        assertThat(second).isNotEqualTo(tenant.refreshToken());
        assertThat(app.get("/api/auth/me", first.json().get("accessToken").asText())
                        .status())
                .isEqualTo(200);

        var third = app.post("/api/auth/refresh", Map.of("refreshToken", second), null);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void reusing_a_rotated_refresh_token_revokes_the_whole_family() {
        var tenant = Fixtures.tenant(app, "Reuse");
        var rotated = app.post("/api/auth/refresh", Map.of("refreshToken", tenant.refreshToken()), null);
        var newest = rotated.json().get("refreshToken").asText();

        var replay = app.post("/api/auth/refresh", Map.of("refreshToken", tenant.refreshToken()), null);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("error").get("code").asText()).isEqualTo("invalid_refresh_token");

        // The legitimate newest token of that family is now revoked too.
        var afterTheft = app.post("/api/auth/refresh", Map.of("refreshToken", newest), null);
        assertThat(afterTheft.status()).isEqualTo(401);
    }

    @Test
    void logout_revokes_the_refresh_token() {
        var tenant = Fixtures.tenant(app, "Logout");
        var logout = app.post("/api/auth/logout", Map.of("refreshToken", tenant.refreshToken()), null);
        assertThat(logout.status()).isEqualTo(204);

        var refresh = app.post("/api/auth/refresh", Map.of("refreshToken", tenant.refreshToken()), null);
        assertThat(refresh.status()).isEqualTo(401);
    }

    @Test
    void a_member_of_two_accounts_can_switch_between_them_but_not_into_others() {
        var first = Fixtures.tenant(app, "First");
        var second = Fixtures.tenant(app, "Second");
        app.app().accounts().addMember(second.accountId(), "x", first.ownerEmail(), "ignored-password", Role.AGENT);

        var switched = app.post("/api/auth/switch-account", Map.of("accountId", second.accountId()), first.token());
        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.json().get("user").get("accountId").asLong()).isEqualTo(second.accountId());
        assertThat(switched.json().get("role").asText()).isEqualTo("agent");
        assertThat(switched.json().get("accounts")).hasSize(2);

        var third = Fixtures.tenant(app, "Third");
        var denied = app.post("/api/auth/switch-account", Map.of("accountId", third.accountId()), first.token());
        assertThat(denied.status()).isEqualTo(404);
    }

    @Test
    void missing_tampered_expired_none_and_wrong_key_tokens_are_401() {
        var tenant = Fixtures.tenant(app, "Tokens");
        var valid = tenant.token();
        var parts = valid.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        var forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("\"role\":\"owner\"", "\"role\":\"admin\"")
                        .getBytes(StandardCharsets.UTF_8));
        var tampered = parts[0] + "." + forgedPayload + "." + parts[2];
        var noneHeader = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        var algNone = noneHeader + "." + parts[1] + ".";
        var wrongKey = JWT.create()
                .withIssuer("hummdesk")
                .withAudience("agent")
                .withSubject(Long.toString(tenant.ownerId()))
                .withClaim("acc", tenant.accountId())
                .withClaim("role", "owner")
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256("some-other-secret-entirely-0123456789"));
        var expired = new TokenService(
                        "test-secret-that-is-long-enough-for-hs256-0123456789",
                        java.time.Duration.ofSeconds(-60),
                        java.time.Clock.systemUTC())
                .accessToken(tenant.ownerId(), tenant.accountId(), Role.OWNER);

        assertThat(app.get("/api/auth/me", valid).status()).isEqualTo(200);
        assertThat(app.get("/api/auth/me", null).status()).isEqualTo(401);
        for (var bad : new String[] {tampered, algNone, wrongKey, expired, "garbage"}) {
            var response = app.get("/api/auth/me", bad);
            assertThat(response.status()).as(bad).isEqualTo(401);
            assertThat(response.json().get("error").get("code").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void login_with_missing_fields_is_422_naming_them() {
        var response = app.post("/api/auth/login", Map.of("email", "a@b.c"), null);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("error").get("details").get("fields").has("password"))
                .isTrue();
    }
}
