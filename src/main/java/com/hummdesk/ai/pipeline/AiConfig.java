package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.local.LanguageDetector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AI settings of a node, from its environment: AI_PROVIDER (default provider, "local"), AI_LANGUAGES (the
 * languages Lingua loads, comma-separated ISO 639-1; each one costs ~30 MB in high-accuracy mode), and
 * AI_LOW_ACCURACY_LANGUAGES (true: ~15 MB in all, two points less accurate).
 */
public record AiConfig(String defaultProvider, List<String> languages, boolean lowAccuracyLanguages) {

    public AiConfig {
        languages = List.copyOf(languages);
    }

    public static AiConfig fromEnv(Map<String, String> env) {
        var provider = env.getOrDefault("AI_PROVIDER", "local");
        var languages = env.get("AI_LANGUAGES");
        var codes = languages == null || languages.isBlank()
                ? LanguageDetector.DEFAULT_LANGUAGES
                : Arrays.stream(languages.split(","))
                        .map(s -> s.trim().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        boolean low = "true"
                .equalsIgnoreCase(
                        env.getOrDefault("AI_LOW_ACCURACY_LANGUAGES", "false").trim());
        return new AiConfig(provider == null || provider.isBlank() ? "local" : provider.trim(), codes, low);
    }
}
