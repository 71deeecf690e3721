package com.hummdesk.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.hummdesk.platform.errors.Unauthorized;
import com.hummdesk.platform.security.Authenticator;
import com.hummdesk.platform.security.ContactSession;
import com.hummdesk.platform.security.CurrentUser;
import com.hummdesk.platform.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Signs and verifies the HS256 tokens: agents' 15-minute access tokens and customers' contact tokens. The
 * verifier pins the algorithm, so "alg: none" and tokens signed with another key or algorithm are rejected.
 */
public final class TokenService implements Authenticator {
    private static final String ISSUER = "hummdesk";
    private static final String AGENT_AUDIENCE = "agent";
    private static final String CONTACT_AUDIENCE = "contact";
    private static final Duration CONTACT_TOKEN_TTL = Duration.ofDays(30);

    private final Algorithm algorithm;
    private final JWTVerifier agentVerifier;
    private final JWTVerifier contactVerifier;
    private final Duration accessTokenTtl;
    private final Clock clock;

    public TokenService(String secret, Duration accessTokenTtl, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
        this.agentVerifier = JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAudience(AGENT_AUDIENCE)
                .withClaimPresence("acc")
                .withClaimPresence("role")
                .build();
        this.contactVerifier = JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAudience(CONTACT_AUDIENCE)
                .withClaimPresence("acc")
                .withClaimPresence("inbox")
                .build();
    }

    public String accessToken(long userId, long accountId, Role role) {
        var now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(AGENT_AUDIENCE)
                .withSubject(Long.toString(userId))
                .withClaim("acc", accountId)
                .withClaim("role", role.name().toLowerCase(Locale.ROOT))
                .withIssuedAt(now)
                .withExpiresAt(now.plus(accessTokenTtl))
                .sign(algorithm);
    }

    public String contactToken(ContactSession session) {
        var now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(CONTACT_AUDIENCE)
                .withSubject(Long.toString(session.contactId()))
                .withClaim("acc", session.accountId())
                .withClaim("inbox", session.inboxId())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(CONTACT_TOKEN_TTL))
                .sign(algorithm);
    }

    public long accessTokenTtlSeconds() {
        return accessTokenTtl.toSeconds();
    }

    @Override
    public CurrentUser agent(String token) {
        try {
            var jwt = agentVerifier.verify(token);
            return new CurrentUser(
                    Long.parseLong(jwt.getSubject()),
                    jwt.getClaim("acc").asLong(),
                    Role.valueOf(jwt.getClaim("role").asString().toUpperCase(Locale.ROOT)));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            throw new Unauthorized("unauthorized", "The access token is invalid or has expired; sign in again.");
        }
    }

    @Override
    public ContactSession contact(String token) {
        try {
            var jwt = contactVerifier.verify(token);
            return new ContactSession(
                    jwt.getClaim("acc").asLong(), jwt.getClaim("inbox").asLong(), Long.parseLong(jwt.getSubject()));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            throw new Unauthorized("unauthorized", "The contact token is invalid or has expired.");
        }
    }
}
