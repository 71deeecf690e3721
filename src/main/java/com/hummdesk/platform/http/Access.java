package com.hummdesk.platform.http;

/** Who may call an endpoint. */
public enum Access {
    /** Anyone (login, health, docs). */
    PUBLIC,
    /** A signed-in agent (access token). */
    AGENT,
    /** A customer with a contact token from a public inbox. */
    CONTACT
}
