package com.hummdesk.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.hummdesk.platform.errors.AppException;
import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.security.ContactSession;
import com.hummdesk.platform.security.CurrentUser;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads typed input from a request, turning every kind of bad input into a 4xx with the error shape. */
public final class Requests {
    static final String CURRENT_USER = "hummdesk.currentUser";
    static final String CONTACT = "hummdesk.contact";

    private Requests() {}

    public static CurrentUser user(Context ctx) {
        CurrentUser user = ctx.attribute(CURRENT_USER);
        if (user == null) {
            throw new IllegalStateException("route is not declared Access.AGENT: " + ctx.path());
        }
        return user;
    }

    public static ContactSession contact(Context ctx) {
        ContactSession contact = ctx.attribute(CONTACT);
        if (contact == null) {
            throw new IllegalStateException("route is not declared Access.CONTACT: " + ctx.path());
        }
        return contact;
    }

    /** Parses the JSON body into {@code type}; malformed JSON and wrong types are 400s naming the field. */
    public static <T> T body(Context ctx, Class<T> type) {
        var text = ctx.body();
        if (text.isBlank()) {
            throw new BadRequest("invalid_json", "The request needs a JSON body.");
        }
        try {
            T value = Json.mapper().readValue(text, type);
            if (value == null) {
                throw new BadRequest("invalid_json", "The request body must be a JSON object.");
            }
            return value;
        } catch (ValueInstantiationException e) {
            // A record's compact constructor rejected the values: surface its own AppException.
            if (e.getCause() instanceof AppException app) {
                throw app;
            }
            throw new BadRequest("invalid_body", rootMessage(e), Map.of("field", path(e)));
        } catch (MismatchedInputException e) {
            var field = path(e);
            var details = new LinkedHashMap<String, Object>();
            details.put("field", field);
            if (e.getTargetType() != null) {
                details.put("expected", simpleType(e.getTargetType()));
            }
            throw new BadRequest(
                    "invalid_type",
                    field.isEmpty()
                            ? "The request body must be a JSON object."
                            : "Field '" + field + "' has the wrong type"
                                    + (e.getTargetType() == null
                                            ? "."
                                            : ": expected " + simpleType(e.getTargetType()) + "."),
                    details);
        } catch (JsonProcessingException e) {
            throw new BadRequest(
                    "invalid_json",
                    "The request body is not valid JSON: " + e.getOriginalMessage(),
                    Map.of("line", e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
        }
    }

    public static long pathId(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFound("not_found", "No such " + name.replace("Id", "").replace("id", "item") + ".");
        }
    }

    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        var value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new BadRequest(
                        "invalid_parameter",
                        name + " must be between " + min + " and " + max,
                        Map.of("field", name, "min", min, "max", max));
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequest("invalid_parameter", name + " must be a whole number", Map.of("field", name));
        }
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            return m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "";
    }

    private static String simpleType(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
