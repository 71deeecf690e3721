package com.hummdesk.contacts;

import java.util.LinkedHashMap;

/** How two contacts become one: the remaining contact keeps what it has and takes only what it lacks. */
final class ContactMerge {
    private ContactMerge() {}

    static ContactValues fill(Contact keep, Contact merged) {
        var attributes = new LinkedHashMap<String, Object>(merged.attributes());
        attributes.putAll(keep.attributes());
        return new ContactValues(
                keep.name() == null || keep.name().isBlank() ? merged.name() : keep.name(),
                keep.email() == null ? merged.email() : keep.email(),
                keep.phone() == null ? merged.phone() : keep.phone(),
                keep.identifier() == null ? merged.identifier() : keep.identifier(),
                attributes);
    }
}
