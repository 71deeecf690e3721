package com.hummdesk.platform.http;

import com.hummdesk.platform.errors.AppException;
import com.hummdesk.platform.errors.TooManyRequests;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to {@code {"error":{"code","message","details"}}}; only real bugs become a 500. */
final class ErrorResponses {
    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    static void app(AppException e, Context ctx) {
        if (e instanceof TooManyRequests tooMany) {
            ctx.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        }
        write(ctx, e.status(), e.code(), e.getMessage(), e.details());
    }

    static void javalin(HttpResponseException e, Context ctx) {
        var code =
                switch (e.getStatus()) {
                    case 400 -> "bad_request";
                    case 401 -> "unauthorized";
                    case 403 -> "forbidden";
                    case 404 -> "not_found";
                    case 405 -> "method_not_allowed";
                    case 413 -> "payload_too_large";
                    case 415 -> "unsupported_media_type";
                    default -> "http_" + e.getStatus();
                };
        write(ctx, e.getStatus(), code, e.getMessage(), Map.copyOf(e.getDetails()));
    }

    static void unexpected(Exception e, Context ctx) {
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        write(
                ctx,
                500,
                "internal_error",
                "Something went wrong on our side; the request id helps us find it.",
                Map.of());
    }

    static void notFound(Context ctx) {
        if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{\"error\"")) {
            write(ctx, 404, "not_found", "No route for " + ctx.method() + " " + ctx.path(), Map.of());
        }
    }

    static void write(Context ctx, int status, String code, String message, Map<String, ?> details) {
        var error = new LinkedHashMap<String, Object>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details == null ? Map.of() : details);
        ctx.status(status).json(Map.of("error", error));
    }
}
