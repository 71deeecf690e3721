package com.hummdesk.platform.security;

import com.hummdesk.platform.errors.Forbidden;

/** The signed-in agent of a request, and the account their token is active in. */
public record CurrentUser(long userId, long accountId, Role role) {

    /** Only admins and owners manage teams, agents, inboxes and settings. */
    public void requireManager() {
        if (!role.canManage()) {
            throw new Forbidden(
                    "forbidden",
                    "Only account admins and owners can do this; your role is "
                            + role.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }
}
