package com.hummdesk.ai.remote;

import com.hummdesk.ai.AiProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the hosted providers the environment configures, each already falling back to the local provider:
 * "anthropic" when ANTHROPIC_API_KEY is set (ANTHROPIC_MODEL, ANTHROPIC_BASE_URL), "openai" when OPENAI_BASE_URL or
 * OPENAI_API_KEY is set (OPENAI_MODEL; a local Ollama or vLLM needs no key). AI_TIMEOUT_MS bounds each HTTP call.
 */
public final class RemoteProviders {
    public static final String ANTHROPIC = "anthropic";
    public static final String OPENAI = "openai";
    public static final String DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-4-5";
    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
    private static final Logger log = LoggerFactory.getLogger(RemoteProviders.class);

    private RemoteProviders() {}

    public static Map<String, AiProvider> fromEnv(Map<String, String> env, AiProvider local, MeterRegistry meters) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(meters, "meters");
        var timeout = timeout(env.get("AI_TIMEOUT_MS"));
        var providers = new LinkedHashMap<String, AiProvider>();
        var anthropicKey = value(env, "ANTHROPIC_API_KEY");
        if (anthropicKey != null) {
            var settings = RemoteSettings.of(
                    value(env, "ANTHROPIC_BASE_URL"),
                    anthropicKey,
                    orDefault(value(env, "ANTHROPIC_MODEL"), DEFAULT_ANTHROPIC_MODEL),
                    timeout);
            providers.put(ANTHROPIC, anthropic(settings, local, meters));
            log.info("AI provider anthropic configured: model {}", settings.model());
        }
        var openAiBase = value(env, "OPENAI_BASE_URL");
        var openAiKey = value(env, "OPENAI_API_KEY");
        if (openAiBase != null || openAiKey != null) {
            var settings = RemoteSettings.of(
                    openAiBase, openAiKey, orDefault(value(env, "OPENAI_MODEL"), DEFAULT_OPENAI_MODEL), timeout);
            providers.put(OPENAI, openai(settings, local, meters));
            log.info(
                    "AI provider openai configured: model {} at {}",
                    settings.model(),
                    openAiBase == null ? OpenAiChat.DEFAULT_BASE_URL : openAiBase);
        }
        return Map.copyOf(providers);
    }

    public static RemoteProvider anthropic(RemoteSettings settings, AiProvider local, MeterRegistry meters) {
        return new RemoteProvider(ANTHROPIC, new AnthropicChat(settings), local, settings, meters);
    }

    public static RemoteProvider openai(RemoteSettings settings, AiProvider local, MeterRegistry meters) {
        return new RemoteProvider(OPENAI, new OpenAiChat(settings), local, settings, meters);
    }

    static Duration timeout(String millis) {
        if (millis == null || millis.isBlank()) {
            return RemoteSettings.DEFAULT_TIMEOUT;
        }
        try {
            long value = Long.parseLong(millis.strip());
            if (value <= 0) {
                throw new IllegalArgumentException("AI_TIMEOUT_MS must be positive, got " + millis);
            }
            return Duration.ofMillis(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AI_TIMEOUT_MS must be a number of milliseconds, got " + millis, e);
        }
    }

    private static String value(Map<String, String> env, String name) {
        var value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
