package com.hummdesk.conversations.publicapi;

/** The customer as their own session knows them. */
public record PublicContact(long id, String name, String email) {}
