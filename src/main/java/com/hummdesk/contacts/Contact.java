package com.hummdesk.contacts;

import java.time.OffsetDateTime;
import java.util.Map;

/** A customer of the account. {@code attributes} is free-form JSON the account keeps about them. */
public record Contact(
        long id,
        String name,
        String email,
        String phone,
        String identifier,
        Map<String, Object> attributes,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
