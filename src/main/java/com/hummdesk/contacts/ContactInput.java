package com.hummdesk.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.PayloadTooLarge;
import com.hummdesk.platform.http.Json;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a client sent to create or change a contact. For a change, a missing (null) field stays as it is and an empty
 * email, phone or identifier clears it.
 */
record ContactInput(String name, String email, String phone, String identifier, Map<String, Object> attributes) {
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 50;
    static final int MAX_IDENTIFIER = 255;
    static final int MAX_ATTRIBUTES_BYTES = 16 * 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{3,50}");

    ContactValues forCreate() {
        var clean = validate(true);
        return new ContactValues(
                clean.name(),
                emptyToNull(clean.email()),
                emptyToNull(clean.phone()),
                emptyToNull(clean.identifier()),
                clean.attributes() == null ? Map.of() : clean.attributes());
    }

    ContactValues applyTo(Contact current) {
        var clean = validate(false);
        return new ContactValues(
                clean.name() == null ? current.name() : clean.name(),
                clean.email() == null ? current.email() : emptyToNull(clean.email()),
                clean.phone() == null ? current.phone() : emptyToNull(clean.phone()),
                clean.identifier() == null ? current.identifier() : emptyToNull(clean.identifier()),
                clean.attributes() == null ? current.attributes() : clean.attributes());
    }

    /** Trimmed and lower-cased where it applies, or a 422 naming every bad field (413 for huge attributes). */
    private ContactInput validate(boolean creating) {
        var cleanName = trim(name);
        var cleanEmail = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
        var cleanPhone = trim(phone);
        var cleanIdentifier = trim(identifier);
        if (attributes != null && jsonSize(attributes) > MAX_ATTRIBUTES_BYTES) {
            throw new PayloadTooLarge(
                    "attributes_too_large",
                    "attributes must be at most " + MAX_ATTRIBUTES_BYTES + " bytes of JSON.",
                    Map.of("field", "attributes", "maxBytes", MAX_ATTRIBUTES_BYTES));
        }
        var errors = new FieldErrors();
        if (creating || cleanName != null) {
            errors.required(cleanName, "name");
        }
        errors.maxLength(cleanName, MAX_NAME, "name")
                .maxLength(cleanEmail, MAX_EMAIL, "email")
                .check(
                        cleanEmail == null
                                || cleanEmail.isEmpty()
                                || EMAIL.matcher(cleanEmail).matches(),
                        "email",
                        "must be an email address")
                .check(
                        cleanPhone == null
                                || cleanPhone.isEmpty()
                                || PHONE.matcher(cleanPhone).matches(),
                        "phone",
                        "must be 3 to " + MAX_PHONE + " digits, spaces and + ( ) . / -")
                .maxLength(cleanIdentifier, MAX_IDENTIFIER, "identifier")
                .throwIfAny();
        return new ContactInput(cleanName, cleanEmail, cleanPhone, cleanIdentifier, attributes);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static int jsonSize(Map<String, Object> value) {
        try {
            return Json.mapper().writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes came from JSON and serialise back", e);
        }
    }
}
