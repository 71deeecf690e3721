package com.hummdesk.ops;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.OpenApiDoc;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** /openapi.json generated from the route table, and Swagger UI at /docs. */
public final class DocsRoutes implements RouteModule {
    private final Api routeTable;
    private final String version;
    private volatile String cachedJson;

    /** {@code routeTable} is the full table, read when the document is first requested. */
    public DocsRoutes(Api routeTable, String version) {
        this.routeTable = routeTable;
        this.version = version;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/openapi.json",
                this::openApi,
                Doc.of("Ops", "This OpenAPI document").publicRoute());
        api.get("/docs", this::swaggerUi, Doc.of("Ops", "Swagger UI").publicRoute());
        api.get(
                "/docs/swagger-ui/{file}",
                this::asset,
                Doc.of("Ops", "Swagger UI assets").publicRoute());
    }

    private void openApi(Context ctx) {
        if (cachedJson == null) {
            cachedJson = OpenApiDoc.json(routeTable, version);
        }
        ctx.contentType("application/json").result(cachedJson);
    }

    private void swaggerUi(Context ctx) {
        ctx.html("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>HummDesk API</title>
                <link rel="stylesheet" href="/docs/swagger-ui/swagger-ui.css"></head>
                <body><div id="swagger-ui"></div>
                <script src="/docs/swagger-ui/swagger-ui-bundle.js"></script>
                <script>SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});</script>
                </body></html>
                """);
    }

    private void asset(Context ctx) {
        var file = ctx.pathParam("file");
        if (!file.matches("[A-Za-z0-9._-]+") || file.contains("..")) {
            throw new com.hummdesk.platform.errors.NotFound("No such asset.");
        }
        var stream = resource("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/" + file);
        if (stream == null) {
            throw new com.hummdesk.platform.errors.NotFound("No such asset.");
        }
        ctx.contentType(
                file.endsWith(".css")
                        ? "text/css"
                        : file.endsWith(".js") ? "text/javascript" : "application/octet-stream");
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.result(stream);
    }

    private static String swaggerUiVersion() {
        try (var in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            var props = new Properties();
            if (in != null) {
                props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        return DocsRoutes.class.getClassLoader().getResourceAsStream(path);
    }
}
