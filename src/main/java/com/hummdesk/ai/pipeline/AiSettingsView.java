package com.hummdesk.ai.pipeline;

import java.util.List;

/**
 * GET /api/ai/settings: the account's settings, what they resolve to on this node (the provider that classifies,
 * the languages detected), and what may be chosen.
 */
public record AiSettingsView(
        String provider,
        String effectiveProvider,
        double confidenceThreshold,
        List<String> languages,
        List<String> effectiveLanguages,
        String policies,
        List<String> availableProviders,
        List<String> availableLanguages) {}
