package com.hummdesk.conversations.publicapi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identity verification: the customer's own site, which knows who is signed in, computes
 * HMAC-SHA256(inbox identity secret, email) on its server and passes it with the email; only then does a session
 * speak for the contact with that email. Compared in constant time.
 */
final class IdentityVerification {
    private static final String ALGORITHM = "HmacSHA256";

    private IdentityVerification() {}

    static boolean matches(String secret, String email, String identifierHash) {
        if (secret == null || identifierHash == null) {
            return false;
        }
        var expected = hash(secret, email).getBytes(StandardCharsets.US_ASCII);
        var given = identifierHash.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Lowercase hex of HMAC-SHA256(secret, email): what the customer's site computes. */
    static String hash(String secret, String email) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
