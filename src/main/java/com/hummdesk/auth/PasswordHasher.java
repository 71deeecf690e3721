package com.hummdesk.auth;

import java.util.concurrent.CompletableFuture;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id password hashes (OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane). */
public final class PasswordHasher {
    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    // Compared against when the email is unknown, so a wrong email costs the same time as a wrong password.
    // Computed off the startup path: a cold JVM needs ~0.4 s for the first Argon2 hash.
    private final CompletableFuture<String> decoy = CompletableFuture.supplyAsync(
            () -> encoder.encode("decoy-password-for-timing"), Thread::startVirtualThread);

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? decoy.join() : hash);
    }
}
