package com.hummdesk.knowledge;

import java.time.OffsetDateTime;
import java.util.List;

/** An import's progress: files in it, imported, failed (each with its error), and whether it is finished. */
public record ImportStatus(
        long id,
        String status,
        int total,
        int done,
        int failed,
        int pending,
        List<FileError> errors,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt) {

    /** A file that was not imported, and why. */
    public record FileError(String file, String error) {}
}
