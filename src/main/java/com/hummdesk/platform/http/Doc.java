package com.hummdesk.platform.http;

import java.util.ArrayList;
import java.util.List;

/**
 * What an endpoint is, for the OpenAPI document and for access control: declared next to the route, so the
 * docs cannot drift from the routes that exist.
 */
public final class Doc {
    final String summary;
    final String tag;
    Access access = Access.AGENT;
    Class<?> requestBody;
    Class<?> response;
    int status = 200;
    final List<Param> queryParams = new ArrayList<>();
    String description;

    record Param(String name, String description) {}

    private Doc(String tag, String summary) {
        this.tag = tag;
        this.summary = summary;
    }

    public static Doc of(String tag, String summary) {
        return new Doc(tag, summary);
    }

    public Doc access(Access value) {
        this.access = value;
        return this;
    }

    public Doc publicRoute() {
        return access(Access.PUBLIC);
    }

    public Doc body(Class<?> type) {
        this.requestBody = type;
        return this;
    }

    public Doc returns(Class<?> type) {
        this.response = type;
        return this;
    }

    public Doc returns(int statusCode, Class<?> type) {
        this.status = statusCode;
        this.response = type;
        return this;
    }

    public Doc query(String name, String what) {
        queryParams.add(new Param(name, what));
        return this;
    }

    public Doc description(String text) {
        this.description = text;
        return this;
    }

    public Access access() {
        return access;
    }
}
