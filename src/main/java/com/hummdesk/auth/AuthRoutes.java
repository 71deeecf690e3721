package com.hummdesk.auth;

import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.util.List;

/** /api/auth: login, refresh, logout, me, switch account. */
public final class AuthRoutes implements RouteModule {
    private static final String TAG = "Auth";
    private final AuthService auth;

    public record LoginRequest(String email, String password) {}

    public record RefreshRequest(String refreshToken) {}

    public record SwitchAccountRequest(Long accountId) {}

    public record MeResponse(Session.SessionUser user, String role, List<Session.AccountSummary> accounts) {}

    public AuthRoutes(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void routes(Api api) {
        api.post(
                "/api/auth/login",
                this::login,
                Doc.of(TAG, "Sign in with email and password")
                        .publicRoute()
                        .body(LoginRequest.class)
                        .returns(Session.class)
                        .description("Throttled per IP and per email; 429 with Retry-After when exceeded."));
        api.post(
                "/api/auth/refresh",
                this::refresh,
                Doc.of(TAG, "Exchange a refresh token for new tokens")
                        .publicRoute()
                        .body(RefreshRequest.class)
                        .returns(Session.class)
                        .description("Each refresh token works once; presenting a used one revokes its whole family."));
        api.post(
                "/api/auth/logout",
                this::logout,
                Doc.of(TAG, "Revoke a refresh token and its family")
                        .publicRoute()
                        .body(RefreshRequest.class)
                        .returns(204, null));
        api.get(
                "/api/auth/me",
                this::me,
                Doc.of(TAG, "The signed-in user, role and accounts").returns(MeResponse.class));
        api.post(
                "/api/auth/switch-account",
                this::switchAccount,
                Doc.of(TAG, "Make another of your accounts active")
                        .body(SwitchAccountRequest.class)
                        .returns(Session.class));
    }

    private void login(Context ctx) {
        var body = Requests.body(ctx, LoginRequest.class);
        new FieldErrors()
                .required(body.email(), "email")
                .required(body.password(), "password")
                .throwIfAny();
        ctx.json(auth.login(body.email().trim(), body.password(), ctx.ip()));
    }

    private void refresh(Context ctx) {
        var body = Requests.body(ctx, RefreshRequest.class);
        new FieldErrors().required(body.refreshToken(), "refreshToken").throwIfAny();
        ctx.json(auth.refresh(body.refreshToken()));
    }

    private void logout(Context ctx) {
        var body = Requests.body(ctx, RefreshRequest.class);
        new FieldErrors().required(body.refreshToken(), "refreshToken").throwIfAny();
        auth.logout(body.refreshToken());
        ctx.status(204);
    }

    private void me(Context ctx) {
        var current = Requests.user(ctx);
        var user = auth.currentUser(current);
        var accounts = auth.memberships(current).stream()
                .map(Session.AccountSummary::of)
                .toList();
        ctx.json(new MeResponse(
                new Session.SessionUser(user.id(), user.email(), user.name(), current.accountId()),
                current.role().name().toLowerCase(java.util.Locale.ROOT),
                accounts));
    }

    private void switchAccount(Context ctx) {
        var body = Requests.body(ctx, SwitchAccountRequest.class);
        new FieldErrors().required(body.accountId(), "accountId").throwIfAny();
        ctx.json(auth.switchAccount(Requests.user(ctx), body.accountId()));
    }
}
