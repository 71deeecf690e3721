package com.hummdesk.platform.security;

/** What a member may do in an account. Agents work conversations; admins and owners also manage the account. */
public enum Role {
    OWNER,
    ADMIN,
    AGENT;

    public boolean canManage() {
        return this == OWNER || this == ADMIN;
    }
}
