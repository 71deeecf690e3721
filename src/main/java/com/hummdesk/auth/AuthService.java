package com.hummdesk.auth;

import com.hummdesk.accounts.AccountService;
import com.hummdesk.accounts.Membership;
import com.hummdesk.accounts.User;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Forbidden;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.errors.Unauthorized;
import com.hummdesk.platform.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Sign-in, token rotation with reuse detection, sign-out and account switching. */
public final class AuthService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final RefreshTokenRepository refreshTokens = new RefreshTokenRepository();
    private final Duration refreshTtl;
    private final Clock clock;

    public AuthService(
            Database db,
            AccountService accounts,
            PasswordHasher hasher,
            TokenService tokens,
            int loginAttemptsPerMinute,
            Duration refreshTtl,
            Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = new LoginThrottle(loginAttemptsPerMinute);
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    public Session login(String email, String password, String clientIp) {
        throttle.check(clientIp, email);
        var user = accounts.findUserByEmail(email).orElse(null);
        boolean ok = hasher.matches(password, user == null ? null : user.passwordHash());
        if (user == null || !ok) {
            throw new Unauthorized("invalid_credentials", "Email or password is wrong.");
        }
        var memberships = accounts.memberships(user.id());
        if (memberships.isEmpty()) {
            throw new Forbidden("no_account", "This user belongs to no account.");
        }
        return issue(user, memberships.getFirst(), memberships, UUID.randomUUID());
    }

    /** Rotates a refresh token. Presenting one that was already rotated revokes its whole family. */
    public Session refresh(String refreshToken) {
        var hash = hash(refreshToken);
        var outcome = db.global(tx -> {
            var stored = refreshTokens.markRotated(tx, hash);
            if (stored.isEmpty()) {
                refreshTokens.familyOf(tx, hash).ifPresent(family -> refreshTokens.revokeFamily(tx, family));
            }
            return stored;
        });
        var token = outcome.orElseThrow(() -> new Unauthorized(
                "invalid_refresh_token", "The refresh token is invalid, expired or already used; sign in again."));
        var user = accounts.findUser(token.userId())
                .orElseThrow(() -> new Unauthorized("invalid_refresh_token", "Unknown user."));
        var memberships = accounts.memberships(user.id());
        var active = memberships.stream()
                .filter(m -> m.accountId() == token.accountId())
                .findFirst()
                .orElseThrow(() -> new Unauthorized("invalid_refresh_token", "You no longer belong to that account."));
        return issue(user, active, memberships, token.familyId());
    }

    public void logout(String refreshToken) {
        var hash = hash(refreshToken);
        db.global(tx -> refreshTokens.familyOf(tx, hash).map(family -> refreshTokens.revokeFamily(tx, family)));
    }

    public Session switchAccount(CurrentUser current, long accountId) {
        var user = currentUser(current);
        var memberships = accounts.memberships(user.id());
        var target = memberships.stream()
                .filter(m -> m.accountId() == accountId)
                .findFirst()
                .orElseThrow(() -> new NotFound("not_found", "No such account."));
        return issue(user, target, memberships, UUID.randomUUID());
    }

    public User currentUser(CurrentUser current) {
        return accounts.findUser(current.userId())
                .orElseThrow(() -> new Unauthorized("unauthorized", "This user no longer exists."));
    }

    public List<Membership> memberships(CurrentUser current) {
        return accounts.memberships(current.userId());
    }

    private Session issue(User user, Membership active, List<Membership> memberships, UUID family) {
        var refresh = newRefreshToken();
        var expires = OffsetDateTime.ofInstant(clock.instant().plus(refreshTtl), ZoneOffset.UTC);
        db.global(tx -> {
            refreshTokens.insert(tx, user.id(), active.accountId(), family, hash(refresh), expires);
            return null;
        });
        return new Session(
                tokens.accessToken(user.id(), active.accountId(), active.role()),
                refresh,
                tokens.accessTokenTtlSeconds(),
                new Session.SessionUser(user.id(), user.email(), user.name(), active.accountId()),
                active.role().name().toLowerCase(java.util.Locale.ROOT),
                memberships.stream().map(Session.AccountSummary::of).toList());
    }

    private static String newRefreshToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
