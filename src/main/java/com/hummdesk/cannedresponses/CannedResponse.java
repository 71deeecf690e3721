package com.hummdesk.cannedresponses;

import java.time.OffsetDateTime;

/** A saved reply an agent inserts by typing its short code. */
public record CannedResponse(long id, String shortCode, String content, OffsetDateTime createdAt) {}
