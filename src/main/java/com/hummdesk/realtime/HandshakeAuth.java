package com.hummdesk.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.errors.Unauthorized;
import com.hummdesk.platform.security.Authenticator;
import java.util.Optional;

/**
 * Verifies the {@code auth} object of a socket.io connect packet: {@code {token, account_id?}}. The token is an
 * agent access token or a customer contact token (their audiences differ, so one cannot pass for the other). An
 * {@code account_id} that differs from the token's account is refused rather than ignored: the client believes it
 * is watching another account.
 */
final class HandshakeAuth {
    private final Authenticator authenticator;

    HandshakeAuth(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    Optional<Principal> verify(JsonNode auth) {
        if (auth == null || !auth.isObject() || !auth.path("token").isTextual()) {
            return Optional.empty();
        }
        var token = auth.get("token").asText();
        var principal = agent(token).or(() -> customer(token));
        var claimed = auth.has("account_id") ? auth.get("account_id") : auth.get("accountId");
        if (principal.isEmpty() || claimed == null || claimed.isNull()) {
            return principal;
        }
        return sameAccount(claimed, principal.get().accountId()) ? principal : Optional.empty();
    }

    private Optional<Principal> agent(String token) {
        try {
            var user = authenticator.agent(token);
            return Optional.of(new AgentPrincipal(user.accountId(), user.userId()));
        } catch (Unauthorized e) {
            return Optional.empty();
        }
    }

    private Optional<Principal> customer(String token) {
        try {
            var session = authenticator.contact(token);
            return Optional.of(new CustomerPrincipal(session.accountId(), session.inboxId(), session.contactId()));
        } catch (Unauthorized e) {
            return Optional.empty();
        }
    }

    // The seed's client sends account_id as a number; a string of digits is accepted too.
    private static boolean sameAccount(JsonNode claimed, long accountId) {
        if (claimed.isIntegralNumber()) {
            return claimed.asLong() == accountId;
        }
        return claimed.isTextual() && claimed.asText().equals(Long.toString(accountId));
    }
}
