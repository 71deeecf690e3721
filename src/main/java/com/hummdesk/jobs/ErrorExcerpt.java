package com.hummdesk.jobs;

/**
 * The last error kept on a job: the exception and message, then the top of its stack and of each cause, enough to
 * find the failing line without storing megabytes of stack per dead job.
 */
final class ErrorExcerpt {
    static final int MAX_LENGTH = 4000;
    private static final int FRAMES = 12;
    private static final int CAUSES = 3;

    private ErrorExcerpt() {}

    static String of(Throwable error) {
        var text = new StringBuilder();
        var current = error;
        for (int depth = 0; current != null && depth <= CAUSES; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append("Caused by: ");
            }
            text.append(current).append('\n');
            var frames = current.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                text.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > FRAMES) {
                text.append("\t... ").append(frames.length - FRAMES).append(" more\n");
            }
        }
        return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
