package com.hummdesk.conversations;

import com.hummdesk.platform.errors.BadRequest;
import java.util.Map;

/**
 * Where a timeline page starts: {@code before} a message id (older messages; both null = the newest page) or
 * {@code after} one (newer messages), at most {@code limit} of them.
 */
public record Cursor(Long before, Long after, int limit) {
    public Cursor {
        if (before != null && after != null) {
            throw new BadRequest(
                    "invalid_parameter", "Use either before or after, not both.", Map.of("field", "before"));
        }
    }

    /** From query parameters; a cursor that is not a message id is a 400. */
    public static Cursor of(String before, String after, int limit) {
        return new Cursor(id("before", before), id("after", after), limit);
    }

    boolean forward() {
        return after != null;
    }

    /** A cursor query parameter: null when absent, a 400 when it is not an id. */
    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("invalid_parameter", name + " must be an id (a nextCursor)", Map.of("field", name));
        }
    }
}
