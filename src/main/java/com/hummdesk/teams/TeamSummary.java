package com.hummdesk.teams;

import java.time.OffsetDateTime;

/** A team as listed: without its members, with how many there are. */
public record TeamSummary(long id, String name, String description, int memberCount, OffsetDateTime createdAt) {}
