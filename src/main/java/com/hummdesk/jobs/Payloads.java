package com.hummdesk.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.http.Json;

/** Job payloads to and from their JSON column, with the application's one JSON configuration. */
final class Payloads {
    private Payloads() {}

    static String toJson(Object payload) {
        try {
            return Json.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Job payload is not serializable to JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job payload in the database is not JSON", e);
        }
    }
}
