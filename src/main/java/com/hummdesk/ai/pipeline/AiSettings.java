package com.hummdesk.ai.pipeline;

import java.util.List;

/**
 * An account's AI settings as stored: provider null = the node's default; languages empty = every language the
 * node loaded; policies = free text the draft provider follows.
 */
record AiSettings(String provider, double confidenceThreshold, List<String> languages, String policies) {
    static final double DEFAULT_THRESHOLD = 0.85;
    static final AiSettings DEFAULTS = new AiSettings(null, DEFAULT_THRESHOLD, List.of(), "");

    AiSettings {
        languages = languages == null ? List.of() : List.copyOf(languages);
        policies = policies == null ? "" : policies;
    }
}
