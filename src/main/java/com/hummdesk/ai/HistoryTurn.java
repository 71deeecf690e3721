package com.hummdesk.ai;

import java.util.Objects;

/** One earlier message of the conversation: who wrote it ("contact", "agent", "system") and its text. */
public record HistoryTurn(String role, String text) {
    public HistoryTurn {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
    }

    public boolean fromContact() {
        return "contact".equalsIgnoreCase(role) || "customer".equalsIgnoreCase(role);
    }
}
