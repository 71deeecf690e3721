package com.hummdesk.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void production_refuses_to_start_without_a_jwt_secret() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HUMMDESK_ENV", "production")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("JWT_SECRET");
    }

    @Test
    void production_refuses_the_default_and_short_secrets() {
        assertThatThrownBy(() -> AppConfig.from(
                        Map.of("HUMMDESK_ENV", "production", "JWT_SECRET", AppConfig.DEFAULT_JWT_SECRET)))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> AppConfig.from(Map.of("HUMMDESK_ENV", "production", "JWT_SECRET", "short")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void production_starts_with_a_real_secret() {
        var config = AppConfig.from(Map.of("HUMMDESK_ENV", "production", "JWT_SECRET", "x".repeat(40)));
        assertThat(config.environment()).isEqualTo(AppConfig.Environment.PRODUCTION);
    }

    @Test
    void development_defaults_match_the_seed() {
        var config = AppConfig.from(Map.of());
        assertThat(config.port()).isEqualTo(5000);
        assertThat(config.database().name()).isEqualTo("hummdesk");
        assertThat(config.database().user()).isEqualTo("hummdesk_app");
        assertThat(config.migrationDatabase().user()).isEqualTo("hummdesk_owner");
        assertThat(config.redisUrl()).isNull();
    }

    @Test
    void database_url_is_parsed_with_encoded_password_and_query() {
        var url = DatabaseUrl.parse("postgresql://app:p%40ss@db.internal:6543/helpdesk?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/helpdesk?sslmode=require");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void bad_values_name_the_variable() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("PORT", "abc"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> AppConfig.from(Map.of("DATABASE_URL", "mysql://x/y")))
                .hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> AppConfig.from(Map.of("HUMMDESK_ENV", "staging")))
                .hasMessageContaining("HUMMDESK_ENV");
    }
}
