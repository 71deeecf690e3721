package com.hummdesk.accounts;

import com.hummdesk.platform.security.Role;

/** A user's place in one account. */
public record Membership(long accountId, String accountName, Role role) {}
