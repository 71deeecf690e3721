package com.hummdesk.platform.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The agent web app (frontend/, built by Maven into the jar's {@code public/} folder): its files are served from
 * {@code /}, and any other GET of a non-API path that asks for HTML (a browser navigating) gets {@code index.html} (client-side routing).
 * API, docs, health, metrics and socket.io paths are never rewritten, so an unknown {@code /api/...} stays a JSON
 * 404. Without a built app in the jar (backend-only builds) nothing is registered.
 */
final class WebApp {
    static final String CLASSPATH_DIR = "/public";
    private static final List<String> RESERVED =
            List.of("/api/", "/api", "/docs", "/health", "/metrics", "/openapi.json", "/socket.io", "/webjars");

    private final byte[] index;

    private WebApp(byte[] index) {
        this.index = index;
    }

    /** The web app when the jar contains it, else null. */
    static WebApp fromClasspath() {
        try (InputStream in = WebApp.class.getResourceAsStream(CLASSPATH_DIR + "/index.html")) {
            return in == null ? null : new WebApp(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web app's index.html", e);
        }
    }

    void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = CLASSPATH_DIR;
            files.location = Location.CLASSPATH;
            // Hashed asset names change with every build; index.html (served below) is never cached.
            files.headers = Map.of("Cache-Control", "public, max-age=3600");
        });
    }

    /** Serves index.html for a client-side route; false when this 404 must stay a 404. */
    boolean serveFallback(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            return false;
        }
        var path = ctx.path();
        if (isReserved(path) || path.substring(path.lastIndexOf('/') + 1).contains(".")) {
            return false; // an API path, or a missing file (e.g. an old asset): a real 404
        }
        var accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return false; // browsers navigating ask for HTML; API clients and scripts get the JSON 404
        }
        ctx.status(200)
                .header("Cache-Control", "no-cache")
                .contentType("text/html; charset=utf-8")
                .result(index);
        return true;
    }

    static boolean isReserved(String path) {
        for (var prefix : RESERVED) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
