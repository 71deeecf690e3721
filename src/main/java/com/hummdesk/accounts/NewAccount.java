package com.hummdesk.accounts;

/** The ids created for a new account and its owner. */
public record NewAccount(long accountId, long ownerUserId) {}
