package com.hummdesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hummdesk.platform.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    @Test
    void an_empty_environment_gives_the_defaults() {
        var settings = JobSettings.fromEnv(Map.of());

        assertThat(settings).isEqualTo(JobSettings.DEFAULTS);
        assertThat(settings.concurrency()).isEqualTo(8);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void each_variable_sets_its_setting() {
        var settings = JobSettings.fromEnv(Map.of(
                "JOB_CONCURRENCY", "32",
                "JOB_POLL_INTERVAL_MS", "2000",
                "JOB_LEASE_SECONDS", "120",
                "JOB_DRAIN_TIMEOUT_SECONDS", "30"));

        assertThat(settings)
                .isEqualTo(new JobSettings(32, Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofSeconds(30)));
    }

    @Test
    void nonsense_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> JobSettings.fromEnv(Map.of("JOB_CONCURRENCY", "many")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("JOB_CONCURRENCY");
        assertThatThrownBy(() -> JobSettings.fromEnv(Map.of("JOB_CONCURRENCY", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("JOB_CONCURRENCY");
        assertThatThrownBy(() -> JobSettings.fromEnv(Map.of("JOB_LEASE_SECONDS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("JOB_LEASE_SECONDS");
    }
}
