package com.hummdesk.platform.security;

/** A customer writing in through a public inbox: what their contact token proves. */
public record ContactSession(long accountId, long inboxId, long contactId) {}
