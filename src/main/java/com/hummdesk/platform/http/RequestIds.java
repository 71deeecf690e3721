package com.hummdesk.platform.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** A request id per request: taken from X-Request-Id when sane, else new; logged and returned. */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {}

    static void assign(Context ctx) {
        var incoming = ctx.header(HEADER);
        var id = incoming != null && SAFE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        MDC.put("requestId", id);
        ctx.header(HEADER, id);
    }

    static void clear() {
        MDC.remove("requestId");
    }
}
