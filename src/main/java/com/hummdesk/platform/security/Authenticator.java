package com.hummdesk.platform.security;

/** Verifies bearer tokens; implemented by the auth feature so the HTTP plumbing does not depend on it. */
public interface Authenticator {
    /** Throws {@link com.hummdesk.platform.errors.Unauthorized} for a missing, tampered or expired token. */
    CurrentUser agent(String bearerToken);

    ContactSession contact(String bearerToken);
}
