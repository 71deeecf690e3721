package com.hummdesk.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The contact list's {@code q}: every word as a prefix in the full-text index (any order: "korhonen emma" finds
 * Emma Korhonen), or the whole text anywhere in name, email, phone or identifier ("@acme", "0401"). Typed text
 * is matched literally, never as SQL, LIKE or tsquery syntax.
 */
record ContactSearch(String text) {
    static final int MAX_LENGTH = 200;
    private static final int MAX_WORDS = 8;

    /** Blank means no search (text null). */
    static ContactSearch of(String q) {
        return new ContactSearch(q == null || q.isBlank() ? null : q.trim());
    }

    boolean isEmpty() {
        return text == null;
    }

    /** The LIKE pattern for "anywhere", with % _ and \ escaped (escape character \). */
    String likePattern() {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** 'emma':* & 'korh':* from "Emma Korh": letters and digits only, so nothing typed is tsquery syntax. */
    String prefixQuery() {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(MAX_WORDS)
                .map(word -> "'" + word + "':*")
                .collect(Collectors.joining(" & "));
    }

    String lowerCase() {
        return text.toLowerCase(Locale.ROOT);
    }
}
