package com.hummdesk.platform.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/** The route table features add to; the server mounts it and the OpenAPI document is generated from it. */
public final class Api {
    public record Route(HandlerType method, String path, Handler handler, Doc doc) {}

    private final List<Route> routes = new ArrayList<>();

    public Api get(String path, Handler handler, Doc doc) {
        return add(HandlerType.GET, path, handler, doc);
    }

    public Api post(String path, Handler handler, Doc doc) {
        return add(HandlerType.POST, path, handler, doc);
    }

    public Api put(String path, Handler handler, Doc doc) {
        return add(HandlerType.PUT, path, handler, doc);
    }

    public Api patch(String path, Handler handler, Doc doc) {
        return add(HandlerType.PATCH, path, handler, doc);
    }

    public Api delete(String path, Handler handler, Doc doc) {
        return add(HandlerType.DELETE, path, handler, doc);
    }

    private Api add(HandlerType method, String path, Handler handler, Doc doc) {
        routes.add(new Route(method, path, handler, doc));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
