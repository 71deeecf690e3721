package com.hummdesk.conversations;

import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.PayloadTooLarge;
import java.util.Map;

/** What a message's content and idempotency key must be, checked before anything touches the database. */
final class MessageRules {
    /** The same limit as the messages_content_len CHECK, which counts characters (code points). */
    static final int MAX_CONTENT = 10_000;

    static final int MAX_IDEMPOTENCY_KEY = 200;

    private MessageRules() {}

    static void check(String content, String idempotencyKey) {
        new FieldErrors()
                .required(content, "content")
                // PostgreSQL text cannot hold NUL characters; refuse them rather than fail on insert.
                .check(content == null || content.indexOf('\0') < 0, "content", "must not contain NUL characters")
                .throwIfAny();
        int length = content.codePointCount(0, content.length());
        if (length > MAX_CONTENT) {
            throw new PayloadTooLarge(
                    "content_too_long",
                    "content must be at most " + MAX_CONTENT + " characters; it has " + length + ".",
                    Map.of("field", "content", "max", MAX_CONTENT, "length", length));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new BadRequest(
                    "invalid_idempotency_key",
                    "The Idempotency-Key header must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters.",
                    Map.of("header", "Idempotency-Key", "max", MAX_IDEMPOTENCY_KEY));
        }
    }
}
