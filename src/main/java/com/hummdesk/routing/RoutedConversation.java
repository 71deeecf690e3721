package com.hummdesk.routing;

import com.hummdesk.conversations.Status;
import java.util.Locale;

/**
 * What routing needs to know about a conversation: its inbox's strategy, whether it still needs an agent, and what
 * an agent must bring (category as a skill, or team membership) or should bring (language). Category and language
 * are normalised to the forms agents' skills and languages use (lowercase; "en-US" → "en").
 */
record RoutedConversation(
        long id, Strategy strategy, String status, Long assigneeId, Long teamId, String category, String language) {

    static RoutedConversation of(
            long id, String strategy, String status, Long assigneeId, Long teamId, String category, String language) {
        return new RoutedConversation(
                id, Strategy.fromWire(strategy), status, assigneeId, teamId, normalise(category), language(language));
    }

    /** Unassigned and not resolved. */
    boolean needsAgent() {
        return assigneeId == null && !Status.RESOLVED.wire().equals(status);
    }

    /** Without category and team, any online agent with capacity qualifies. */
    boolean restricted() {
        return category != null || teamId != null;
    }

    private static String normalise(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String language(String value) {
        var code = normalise(value);
        if (code == null) {
            return null;
        }
        int cut = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        return cut > 0 ? code.substring(0, cut) : code;
    }
}
