package com.hummdesk.platform.http;

import com.hummdesk.platform.errors.AppException;
import com.hummdesk.platform.errors.Unauthorized;
import com.hummdesk.platform.security.Authenticator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin server from the route table: auth per declared access, errors, request ids, metrics. */
public final class HttpServer {
    private static final Logger accessLog = LoggerFactory.getLogger("http.access");
    private static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;
    /**
     * Jetty's default accept queue is 50: thousands of socket.io clients reconnecting at once (after a deploy) were
     * refused. 1024 held 10,000 clients in the real-time spike; the kernel caps it at net.core.somaxconn.
     */
    public static final int ACCEPT_QUEUE_SIZE = 1024;
    /** The customer-facing API: open to cross-origin calls from any site (the embedded chat widget). */
    static final String PUBLIC_API_PATHS = "/api/public/*";

    private HttpServer() {}

    public static Javalin create(Api api, Authenticator authenticator, MeterRegistry meters, List<String> corsOrigins) {
        return create(api, authenticator, meters, corsOrigins, List.of());
    }

    public static Javalin create(
            Api api,
            Authenticator authenticator,
            MeterRegistry meters,
            List<String> corsOrigins,
            List<ServletMount> servlets) {
        var webApp = WebApp.fromClasspath();
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.router.ignoreTrailingSlashes = true;
            config.startup.showJavalinBanner = false;
            var jetty = config.jetty;
            jetty.addConnector((server, httpConfig) -> {
                var connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                connector.setHost(jetty.host);
                connector.setPort(jetty.port); // read at start, after Javalin.start(port) has set it
                connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
                return connector;
            });
            jetty.modifyServletContextHandler(context -> servlets.forEach(mount -> {
                var holder = new ServletHolder(mount.servlet());
                holder.setAsyncSupported(true);
                context.addServlet(holder, mount.pathSpec());
            }));
            config.bundledPlugins.enableCors(cors -> {
                // The chat widget runs on customers' sites (any origin) and calls the public inbox API. Contact
                // tokens travel in the Authorization header, never in cookies, so no credentials are allowed.
                cors.addRule(rule -> {
                    rule.path = PUBLIC_API_PATHS;
                    rule.anyHost();
                    rule.exposeHeader(RequestIds.HEADER);
                    rule.exposeHeader("Idempotent-Replayed");
                });
                if (!corsOrigins.isEmpty()) {
                    cors.addRule(rule -> {
                        corsOrigins.forEach(origin -> rule.allowHost(origin));
                        rule.exposeHeader(RequestIds.HEADER);
                    });
                }
            });
            config.routes.before(RequestIds::assign);
            for (var route : api.routes()) {
                config.routes.addHttpHandler(route.method(), route.path(), guarded(route, authenticator));
            }
            config.routes.exception(AppException.class, ErrorResponses::app);
            config.routes.exception(HttpResponseException.class, ErrorResponses::javalin);
            config.routes.exception(Exception.class, ErrorResponses::unexpected);
            if (webApp != null) {
                webApp.register(config);
            }
            config.routes.error(404, ctx -> {
                if (webApp == null || !webApp.serveFallback(ctx)) {
                    ErrorResponses.notFound(ctx);
                }
            });
            config.requestLogger.http((ctx, ms) -> logAndMeasure(ctx, ms, meters));
        });
    }

    private static Handler guarded(Api.Route route, Authenticator authenticator) {
        var access = route.doc().access();
        return switch (access) {
            case PUBLIC -> route.handler();
            case AGENT ->
                ctx -> {
                    ctx.attribute(Requests.CURRENT_USER, authenticator.agent(bearer(ctx)));
                    route.handler().handle(ctx);
                };
            case CONTACT ->
                ctx -> {
                    ctx.attribute(Requests.CONTACT, authenticator.contact(bearer(ctx)));
                    route.handler().handle(ctx);
                };
        };
    }

    private static String bearer(Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new Unauthorized("unauthorized", "Sign in first: send Authorization: Bearer <token>.");
        }
        return header.substring(7).trim();
    }

    private static String routeOf(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private static void logAndMeasure(Context ctx, Float ms, MeterRegistry meters) {
        var route = routeOf(ctx);
        var status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().toString())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .register(meters)
                .record((long) (ms * 1_000_000L), TimeUnit.NANOSECONDS);
        if (status >= 500) {
            accessLog.warn("{} {} {} {}ms", ctx.method(), ctx.path(), status, Math.round(ms));
        } else if (accessLog.isDebugEnabled()) {
            accessLog.debug("{} {} {} {}ms", ctx.method(), ctx.path(), status, Math.round(ms));
        }
        RequestIds.clear();
    }
}
