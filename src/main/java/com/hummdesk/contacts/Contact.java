package com.hummdesk.contacts;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A customer of the account. {@code attributes} is free-form JSON the account keeps about them;
 * {@code unverifiedEmail} is an address a customer gave in the public API without identity verification (shown to
 * agents, never used to find the contact).
 */
public record Contact(
        long id,
        String name,
        String email,
        String unverifiedEmail,
        String phone,
        String identifier,
        Map<String, Object> attributes,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
