package com.hummdesk.platform.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed reads of environment variables, with errors that name the variable. */
final class EnvReader {
    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = env;
    }

    String get(String name, String fallback) {
        var value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    int getInt(String name, int fallback) {
        var value = get(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, not '" + value + "'");
        }
    }

    boolean getBoolean(String name, boolean fallback) {
        var value = get(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException(name + " must be true or false, not '" + value + "'");
        };
    }

    List<String> getList(String name) {
        var value = get(name, null);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
