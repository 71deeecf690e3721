package com.hummdesk.ops;

import java.net.URI;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Answers whether the configured Redis responds, for /health (null when REDIS_URL is not set). */
public final class RedisProbe {
    private final URI uri;

    public RedisProbe(String redisUrl) {
        this.uri = redisUrl == null ? null : URI.create(redisUrl);
    }

    public String status() {
        if (uri == null) {
            return null;
        }
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(500)
                .socketTimeoutMillis(500)
                .build();
        var port = uri.getPort() == -1 ? 6379 : uri.getPort();
        try (var jedis = new Jedis(new HostAndPort(uri.getHost(), port), config)) {
            return "PONG".equals(jedis.ping()) ? "ok" : "degraded";
        } catch (RuntimeException e) {
            return "degraded";
        }
    }
}
