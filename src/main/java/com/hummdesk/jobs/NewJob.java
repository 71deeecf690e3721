package com.hummdesk.jobs;

import java.time.Instant;

/**
 * A job to enqueue: its type, its payload (a record, map or {@code JsonNode}, stored as JSON), and optionally when it
 * may run ({@code runAt}, default now) and a dedupe key (while a job of this account and type with the same key is
 * still waiting for its first run, enqueueing another is a no-op).
 */
public record NewJob(String type, Object payload, Instant runAt, String dedupeKey) {
    static final int MAX_TYPE_LENGTH = 100;

    public NewJob {
        if (type == null || type.isBlank() || type.length() > MAX_TYPE_LENGTH) {
            throw new IllegalArgumentException("A job type is 1 to " + MAX_TYPE_LENGTH + " characters: " + type);
        }
        if (payload == null) {
            throw new IllegalArgumentException("A job needs a payload (use Map.of() for none)");
        }
    }

    public static NewJob of(String type, Object payload) {
        return new NewJob(type, payload, null, null);
    }

    public NewJob runAt(Instant when) {
        return new NewJob(type, payload, when, dedupeKey);
    }

    public NewJob dedupeKey(String key) {
        return new NewJob(type, payload, runAt, key);
    }
}
