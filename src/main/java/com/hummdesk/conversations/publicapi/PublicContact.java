package com.hummdesk.conversations.publicapi;

/**
 * The customer as their own session knows them. {@code email} is set only when the session proved it (identity
 * verification); {@code verified} says whether it did.
 */
public record PublicContact(long id, String name, String email, boolean verified) {}
