package com.hummdesk.conversations.publicapi;

/** The token for the public inbox API and the contact it speaks for. */
public record ContactSessionOpened(String contactToken, PublicContact contact) {}
