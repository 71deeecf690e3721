package com.hummdesk.agents;

import com.hummdesk.platform.errors.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field rules of an agent's profile, shared by invite and update; problems are collected as 422s. */
final class AgentFields {
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 200;
    static final int MAX_CONCURRENT = 1000;
    static final int MAX_LIST = 50;
    /** Skills are the AI's category names: lowercase words like billing, technical, account. */
    private static final Pattern SKILL = Pattern.compile("[a-z][a-z0-9_-]{0,49}");
    /** Languages are ISO 639-1 codes, as the AI detects them: en, fi, de. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private AgentFields() {}

    static String name(String raw, FieldErrors errors) {
        if (raw == null) {
            return null;
        }
        var name = raw.trim();
        errors.check(!name.isEmpty(), "name", "must not be blank").maxLength(name, MAX_NAME, "name");
        return name;
    }

    static String email(String raw, FieldErrors errors) {
        errors.required(raw, "email");
        if (raw == null) {
            return null;
        }
        var email = raw.trim().toLowerCase(Locale.ROOT);
        errors.check(EMAIL.matcher(email).matches(), "email", "must be an email address")
                .maxLength(email, MAX_EMAIL, "email");
        return email;
    }

    static void password(String password, FieldErrors errors) {
        errors.check(
                password == null || (password.length() >= MIN_PASSWORD && password.length() <= MAX_PASSWORD),
                "password",
                "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }

    static void maxConcurrent(Integer value, FieldErrors errors) {
        errors.check(
                value == null || (value >= 0 && value <= MAX_CONCURRENT),
                "maxConcurrent",
                "must be between 0 and " + MAX_CONCURRENT);
    }

    static List<String> skills(List<String> raw, FieldErrors errors) {
        return list(
                raw, SKILL, "skills", "lowercase category names (a-z, 0-9, - and _, starting with a letter)", errors);
    }

    static List<String> languages(List<String> raw, FieldErrors errors) {
        return list(raw, LANGUAGE, "languages", "ISO 639-1 codes of two lowercase letters, like en or fi", errors);
    }

    /** Trims and de-duplicates (first occurrence wins); lists every invalid entry. */
    private static List<String> list(List<String> raw, Pattern pattern, String field, String rule, FieldErrors errors) {
        if (raw == null) {
            return null;
        }
        var values = new LinkedHashSet<String>();
        var invalid = new ArrayList<String>();
        for (var entry : raw) {
            var value = entry == null ? "" : entry.trim();
            if (pattern.matcher(value).matches()) {
                values.add(value);
            } else {
                invalid.add(String.valueOf(entry));
            }
        }
        errors.check(invalid.isEmpty(), field, "must be " + rule + "; invalid: " + invalid)
                .check(values.size() <= MAX_LIST, field, "may have at most " + MAX_LIST + " entries");
        return List.copyOf(values);
    }
}
