package com.hummdesk.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** A job out of attempts, with the error of its last attempt (message and the top of its stack). */
public record DeadJob(
        long id,
        String type,
        JsonNode payload,
        int attempts,
        String lastError,
        OffsetDateTime enqueuedAt,
        OffsetDateTime diedAt) {}
