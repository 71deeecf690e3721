package com.hummdesk.realtime;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/** REDIS_URL ({@code redis[s]://[user[:password]@]host[:port][/db]}) as Jedis wants it. */
record RedisEndpoint(HostAndPort address, String user, String password, int database, boolean ssl) {

    static RedisEndpoint parse(String url) {
        var uri = URI.create(url);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            var info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = colon < 0 ? null : decode(info.substring(0, colon));
            password = decode(colon < 0 ? info : info.substring(colon + 1));
            if (user != null && user.isEmpty()) {
                user = null;
            }
        }
        var path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        return new RedisEndpoint(
                new HostAndPort(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort()),
                user,
                password,
                path.isEmpty() ? 0 : Integer.parseInt(path),
                "rediss".equals(uri.getScheme()));
    }

    /** Short timeouts: a Redis that does not answer must not hold up the caller for long. */
    JedisClientConfig commands() {
        return config(500);
    }

    /** No read timeout: a subscription waits for messages indefinitely. */
    JedisClientConfig subscription() {
        return config(0);
    }

    private JedisClientConfig config(int socketTimeoutMillis) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(500)
                .socketTimeoutMillis(socketTimeoutMillis)
                .user(user)
                .password(password)
                .database(database)
                .ssl(ssl)
                .clientName("hummdesk-realtime")
                .build();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
