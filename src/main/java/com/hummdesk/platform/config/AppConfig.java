package com.hummdesk.platform.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything HummDesk reads from its environment, parsed once at startup. Names follow the original product
 * description (PORT, DATABASE_URL, REDIS_URL, JWT_SECRET, ...); {@code .env.example} documents each.
 */
public record AppConfig(
        Environment environment,
        int port,
        DatabaseUrl database,
        DatabaseUrl migrationDatabase,
        String appRole,
        int dbPoolSize,
        String redisUrl,
        String jwtSecret,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        int loginAttemptsPerMinute,
        String anthropicApiKey,
        String aiProvider,
        boolean aiTriage,
        S3 s3,
        List<String> corsOrigins,
        boolean migrateOnStart,
        Realtime realtime) {

    public static final String DEFAULT_JWT_SECRET = "change-me-in-production";
    static final int MIN_PRODUCTION_SECRET_LENGTH = 32;

    public enum Environment {
        DEVELOPMENT,
        TEST,
        PRODUCTION
    }

    public record S3(String endpoint, String accessKey, String secretKey, String bucket) {}

    /**
     * Real-time settings: how long an agent stays online without a heartbeat, whether websocket frames may be
     * compressed (permessage-deflate costs ~100 KB of native memory per connection, so it is off unless asked for),
     * the prefix of the Redis keys and channel (so environments can share one Redis), and whether routing counts
     * only agents whose dashboard is connected (ROUTING_PRESENCE=heartbeat, the default) or trusts the availability
     * agents declared (declared: for teams that answer through the API without the web app).
     */
    public record Realtime(
            Duration presenceTtl, boolean websocketCompression, String redisPrefix, boolean routeOnHeartbeats) {}

    public static AppConfig fromEnv() {
        return from(System.getenv());
    }

    public static AppConfig from(Map<String, String> env) {
        var reader = new EnvReader(env);
        var environment = parseEnvironment(reader.get("HUMMDESK_ENV", reader.get("NODE_ENV", "development")));
        var database = DatabaseUrl.parse(
                reader.get("DATABASE_URL", "postgresql://hummdesk_app:hummdesk_app@127.0.0.1:5432/hummdesk"));
        var migration = DatabaseUrl.parse(reader.get(
                "DATABASE_MIGRATION_URL",
                "postgresql://hummdesk_owner:hummdesk_owner@" + database.hostAndPort() + "/" + database.name()));
        var config = new AppConfig(
                environment,
                reader.getInt("PORT", 5000),
                database,
                migration,
                reader.get("DATABASE_APP_ROLE", database.user()),
                reader.getInt("DATABASE_POOL_SIZE", 16),
                reader.get("REDIS_URL", null),
                reader.get("JWT_SECRET", DEFAULT_JWT_SECRET),
                Duration.ofSeconds(reader.getInt("ACCESS_TOKEN_TTL_SECONDS", 15 * 60)),
                Duration.ofDays(reader.getInt("REFRESH_TOKEN_TTL_DAYS", 30)),
                reader.getInt("LOGIN_RATE_LIMIT_PER_MINUTE", 10),
                reader.get("ANTHROPIC_API_KEY", null),
                reader.get("AI_PROVIDER", "local"),
                reader.getBoolean("AI_TRIAGE", true),
                new S3(
                        reader.get("S3_ENDPOINT", null),
                        reader.get("S3_ACCESS_KEY", null),
                        reader.get("S3_SECRET_KEY", null),
                        reader.get("S3_BUCKET", null)),
                reader.getList("CORS_ORIGIN"),
                reader.getBoolean("MIGRATE_ON_START", true),
                new Realtime(
                        Duration.ofSeconds(reader.getInt("PRESENCE_TTL_SECONDS", 30)),
                        reader.getBoolean("WS_PERMESSAGE_DEFLATE", false),
                        reader.get("REDIS_PREFIX", "hummdesk"),
                        routeOnHeartbeats(reader.get("ROUTING_PRESENCE", "heartbeat"))));
        config.checkProductionSafety();
        return config;
    }

    private static boolean routeOnHeartbeats(String value) {
        return switch (value) {
            case "heartbeat" -> true;
            case "declared" -> false;
            default -> throw new ConfigException("ROUTING_PRESENCE must be heartbeat or declared, not '" + value + "'");
        };
    }

    /** Production refuses to start with secrets anyone can read in this repository. */
    void checkProductionSafety() {
        if (environment != Environment.PRODUCTION) {
            return;
        }
        if (jwtSecret == null || jwtSecret.isBlank() || DEFAULT_JWT_SECRET.equals(jwtSecret)) {
            throw new ConfigException("JWT_SECRET is missing or still the default; production needs a secret of its"
                    + " own (at least " + MIN_PRODUCTION_SECRET_LENGTH + " characters, e.g. `openssl rand -hex 32`).");
        }
        if (jwtSecret.length() < MIN_PRODUCTION_SECRET_LENGTH) {
            throw new ConfigException("JWT_SECRET is too short for production: use at least "
                    + MIN_PRODUCTION_SECRET_LENGTH + " characters (e.g. `openssl rand -hex 32`).");
        }
    }

    private static Environment parseEnvironment(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "production", "prod" -> Environment.PRODUCTION;
            case "test" -> Environment.TEST;
            case "development", "dev", "" -> Environment.DEVELOPMENT;
            default ->
                throw new ConfigException("HUMMDESK_ENV must be development, test or production, not '" + value + "'");
        };
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(
                environment,
                newPort,
                database,
                migrationDatabase,
                appRole,
                dbPoolSize,
                redisUrl,
                jwtSecret,
                accessTokenTtl,
                refreshTokenTtl,
                loginAttemptsPerMinute,
                anthropicApiKey,
                aiProvider,
                aiTriage,
                s3,
                corsOrigins,
                migrateOnStart,
                realtime);
    }
}
