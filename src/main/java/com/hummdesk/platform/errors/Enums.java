package com.hummdesk.platform.errors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the text form of an enumeration, failing with a 400 that lists the allowed values. */
public final class Enums {
    private Enums() {}

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new BadRequest(
                "invalid_enum",
                field + " must be one of " + String.join(", ", allowed(type)) + "; got '" + value + "'",
                Map.of("field", field, "allowed", allowed(type), "value", String.valueOf(value)));
    }

    public static <E extends Enum<E>> List<String> allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
