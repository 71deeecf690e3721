package com.hummdesk.auth;

import com.hummdesk.accounts.Membership;
import java.util.List;

/** What login, refresh and account switching return: tokens plus who is signed in where. */
public record Session(
        String accessToken,
        String refreshToken,
        long expiresIn,
        SessionUser user,
        String role,
        List<AccountSummary> accounts) {

    public record SessionUser(long id, String email, String name, long accountId) {}

    public record AccountSummary(long id, String name, String role) {
        static AccountSummary of(Membership m) {
            return new AccountSummary(
                    m.accountId(), m.accountName(), m.role().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
