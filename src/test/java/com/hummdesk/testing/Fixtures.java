package com.hummdesk.testing;

import com.hummdesk.accounts.NewAccount;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates accounts and signs in through the real API. */
public final class Fixtures {
    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public record Tenant(long accountId, long ownerId, String ownerEmail, String token, String refreshToken) {}

    private Fixtures() {}

    public static Tenant tenant(TestApp app, String name) {
        var email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + SEQUENCE.incrementAndGet()
                + "@example.test";
        NewAccount created = app.app().accounts().createAccount(name, name + " Owner", email, PASSWORD);
        var login = login(app, email, PASSWORD);
        return new Tenant(
                created.accountId(),
                created.ownerUserId(),
                email,
                login.json().get("accessToken").asText(),
                login.json().get("refreshToken").asText());
    }

    public static TestApp.Response login(TestApp app, String email, String password) {
        return app.post("/api/auth/login", Map.of("email", email, "password", password), null);
    }
}
