package com.hummdesk.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A {@code postgresql://user:password@host:port/database?params} URL, as DATABASE_URL is given. */
public record DatabaseUrl(String host, int port, String name, String user, String password, String query) {

    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("Database URL is not a valid URL: " + e.getMessage());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new ConfigException("Database URL must start with postgresql://, e.g."
                    + " postgresql://hummdesk_app:secret@127.0.0.1:5432/hummdesk");
        }
        var path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isEmpty()) {
            throw new ConfigException("Database URL needs a host and a database name: " + redact(url));
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            var parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new DatabaseUrl(
                uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path, user, password, uri.getRawQuery());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + name + (query == null ? "" : "?" + query);
    }

    public String hostAndPort() {
        return host + ":" + port;
    }

    public DatabaseUrl withName(String newName) {
        return new DatabaseUrl(host, port, newName, user, password, query);
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + hostAndPort() + "/" + name;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String redact(String url) {
        return url.replaceAll("://([^:@/]+):[^@/]*@", "://$1:***@");
    }
}
