package com.hummdesk.platform.http;

/** A feature's HTTP surface: it adds its routes to the shared table. */
public interface RouteModule {
    void routes(Api api);
}
