package com.hummdesk.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.http.Json;
import java.time.OffsetDateTime;

/**
 * A claimed job as its handler sees it. {@code attempt} counts from 1 and includes this run; together with the id
 * it identifies this delivery (a job may be delivered again after a crash, with a higher attempt).
 */
public record Job(long id, long accountId, String type, JsonNode payload, int attempt, OffsetDateTime enqueuedAt) {

    /** The payload as the record (or other Jackson type) it was enqueued from. */
    public <T> T payloadAs(Class<T> type) {
        try {
            return Json.mapper().treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Payload of job " + id + " (" + this.type + ") is not a " + type.getSimpleName(), e);
        }
    }
}
