package com.hummdesk.ai;

import java.util.List;
import java.util.Objects;

/**
 * One of an account's categories as the classifier sees it: its name, a description and example messages (agents'
 * corrections add examples over time), and the team that usually handles it (teamId null when none).
 */
public record CategoryDefinition(String name, String description, List<String> examples, Long teamId) {
    public CategoryDefinition {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** The same category with one more example. */
    public CategoryDefinition withExample(String example) {
        var more = new java.util.ArrayList<>(examples);
        more.add(example);
        return new CategoryDefinition(name, description, more, teamId);
    }
}
