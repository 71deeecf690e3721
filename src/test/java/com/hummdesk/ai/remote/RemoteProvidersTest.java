package com.hummdesk.ai.remote;

import static com.hummdesk.ai.remote.WireStub.Answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteProvidersTest {
    private final FakeLocal local = new FakeLocal();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void nothing_configured_means_no_remote_provider() {
        assertThat(RemoteProviders.fromEnv(Map.of(), local, meters)).isEmpty();
        assertThat(RemoteProviders.fromEnv(Map.of("ANTHROPIC_API_KEY", " ", "OPENAI_MODEL", "x"), local, meters))
                .isEmpty();
    }

    @Test
    void each_provider_appears_when_its_variables_are_set() {
        assertThat(RemoteProviders.fromEnv(Map.of("ANTHROPIC_API_KEY", "sk-ant"), local, meters))
                .containsOnlyKeys("anthropic");
        assertThat(RemoteProviders.fromEnv(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"), local, meters))
                .containsOnlyKeys("openai");
        assertThat(RemoteProviders.fromEnv(
                        Map.of("OPENAI_API_KEY", "sk", "ANTHROPIC_API_KEY", "sk-ant"), local, meters))
                .containsOnlyKeys("anthropic", "openai");
    }

    @Test
    void env_configured_providers_reach_their_base_url_with_their_model_and_fall_back_to_local() {
        try (var anthropic = new WireStub();
                var openai = new WireStub()) {
            anthropic.answer(Answer.ok(WireStub.anthropicToolUse("record_classification", """
                    {"category":"general","priority":"normal","sentiment":"neutral","language":"en",
                     "confidence":0.6,"reasoning":"A general question."}""")));
            openai.answer(Answer.status(500, "{}", Map.of()));
            var providers = RemoteProviders.fromEnv(
                    Map.of(
                            "ANTHROPIC_API_KEY", "sk-ant",
                            "ANTHROPIC_BASE_URL", anthropic.baseUrl(),
                            "ANTHROPIC_MODEL", "claude-haiku-4-5",
                            "OPENAI_BASE_URL", openai.baseUrl() + "/v1",
                            "AI_TIMEOUT_MS", "1000"),
                    local,
                    meters);

            var claude = providers.get("anthropic").classify(FakeLocal.CONTEXT);
            assertThat(claude.provider()).isEqualTo("anthropic");
            assertThat(anthropic.received().getFirst().path()).isEqualTo("/v1/messages");
            assertThat(anthropic.received().getFirst().body().path("model").asText())
                    .isEqualTo("claude-haiku-4-5");

            var viaOpenAi = providers.get("openai").classify(FakeLocal.CONTEXT);
            assertThat(viaOpenAi.provider()).isEqualTo("local");
            assertThat(openai.received().getFirst().body().path("model").asText())
                    .isEqualTo(RemoteProviders.DEFAULT_OPENAI_MODEL);
        }
    }

    @Test
    void the_default_claude_model_is_the_seeds_sonnet() {
        try (var anthropic = new WireStub()) {
            anthropic.answer(Answer.status(500, "{}", Map.of()));
            RemoteProviders.fromEnv(
                            Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", anthropic.baseUrl() + "/v1/"),
                            local,
                            meters)
                    .get("anthropic")
                    .classify(FakeLocal.CONTEXT);
            assertThat(anthropic.received().getFirst().path()).isEqualTo("/v1/messages");
            assertThat(anthropic.received().getFirst().body().path("model").asText())
                    .isEqualTo("claude-sonnet-4-5");
        }
    }

    @Test
    void a_bad_timeout_is_a_clear_configuration_error() {
        assertThat(RemoteProviders.timeout(null)).isEqualTo(RemoteSettings.DEFAULT_TIMEOUT);
        assertThat(RemoteProviders.timeout("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> RemoteProviders.timeout("soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AI_TIMEOUT_MS");
        assertThatThrownBy(() -> RemoteProviders.timeout("0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retry_after_is_read_as_seconds_milliseconds_or_a_date() {
        var now = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
        assertThat(JdkTransport.retryAfter(null, "2", now)).isEqualTo(Duration.ofSeconds(2));
        assertThat(JdkTransport.retryAfter("1500", "2", now)).isEqualTo(Duration.ofMillis(1500));
        assertThat(JdkTransport.retryAfter(null, "Sun, 01 Jun 2025 10:00:30 GMT", now))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(JdkTransport.retryAfter(null, "whenever", now)).isNull();
        assertThat(JdkTransport.retryAfter(null, null, now)).isNull();
    }

    @Test
    void anthropic_base_urls_with_or_without_the_version_reach_messages() {
        assertThat(AnthropicChat.messagesBase("https://api.anthropic.com")).isEqualTo("https://api.anthropic.com/v1/");
        assertThat(AnthropicChat.messagesBase("https://api.anthropic.com/v1/"))
                .isEqualTo("https://api.anthropic.com/v1/");
        assertThat(AnthropicChat.messagesBase("http://proxy:8080/anthropic/"))
                .isEqualTo("http://proxy:8080/anthropic/v1/");
    }
}
