package com.hummdesk.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Verification;
import com.hummdesk.platform.errors.Unauthorized;
import com.hummdesk.platform.security.Authenticator;
import com.hummdesk.platform.security.ContactSession;
import com.hummdesk.platform.security.CurrentUser;
import com.hummdesk.platform.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and verifies the HS256 tokens: agents' 15-minute access tokens and customers' contact tokens. The
 * verifier pins the algorithm, so "alg: none" and tokens signed with another key or algorithm are rejected.
 *
 * <p>An agent sends the same access token with every request for its 15 minutes; verifying it (base64, JSON,
 * HMAC) was a tenth of the CPU of listing conversations. A verified token is remembered until it expires: the
 * exact token string is the key, so a token differing in any character (tampered, re-signed) is verified afresh,
 * and a remembered one is refused from its expiry on, as the verifier would.
 */
public final class TokenService implements Authenticator {
    /** Bounds the memory of verified tokens (~0.5 KB each); emptied when full, which costs only re-verification. */
    static final int MAX_REMEMBERED = 10_000;

    private static final String ISSUER = "hummdesk";
    private static final String AGENT_AUDIENCE = "agent";
    private static final String CONTACT_AUDIENCE = "contact";
    private static final Duration CONTACT_TOKEN_TTL = Duration.ofDays(30);

    private final Algorithm algorithm;
    private final JWTVerifier agentVerifier;
    private final JWTVerifier contactVerifier;
    private final Duration accessTokenTtl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(CurrentUser user, Instant expiresAt) {}

    public TokenService(String secret, Duration accessTokenTtl, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
        // Verified against this service's clock, which also expires the remembered tokens.
        this.agentVerifier = verifier(JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAudience(AGENT_AUDIENCE)
                .withClaimPresence("acc")
                .withClaimPresence("role"));
        this.contactVerifier = verifier(JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAudience(CONTACT_AUDIENCE)
                .withClaimPresence("acc")
                .withClaimPresence("inbox"));
    }

    private JWTVerifier verifier(Verification verification) {
        return ((JWTVerifier.BaseVerification) verification).build(clock);
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

    /** How many verified tokens are remembered (tests). */
    int remembered() {
        return verified.size();
    }

    public long accessTokenTtlSeconds() {
        return accessTokenTtl.toSeconds();
    }

    @Override
    public CurrentUser agent(String token) {
        var remembered = verified.get(token);
        if (remembered != null) {
            if (clock.instant().isBefore(remembered.expiresAt())) {
                return remembered.user();
            }
            verified.remove(token, remembered);
        }
        try {
            var jwt = agentVerifier.verify(token);
            var user = new CurrentUser(
                    Long.parseLong(jwt.getSubject()),
                    jwt.getClaim("acc").asLong(),
                    Role.valueOf(jwt.getClaim("role").asString().toUpperCase(Locale.ROOT)));
            var expiresAt = jwt.getExpiresAtAsInstant();
            if (expiresAt != null) {
                if (verified.size() >= MAX_REMEMBERED) {
                    verified.clear();
                }
                verified.put(token, new Verified(user, expiresAt));
            }
            return user;
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
