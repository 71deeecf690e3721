package com.hummdesk.labels;

import java.time.OffsetDateTime;

/** A label agents put on conversations. */
public record Label(long id, String name, String color, String description, OffsetDateTime createdAt) {}
