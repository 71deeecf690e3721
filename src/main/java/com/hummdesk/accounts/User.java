package com.hummdesk.accounts;

/** A person who signs in; {@code passwordHash} never leaves the auth and accounts features. */
public record User(long id, String email, String name, String passwordHash) {}
