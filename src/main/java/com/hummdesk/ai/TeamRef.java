package com.hummdesk.ai;

import java.util.Objects;

/** A team the classifier may suggest. */
public record TeamRef(long id, String name) {
    public TeamRef {
        Objects.requireNonNull(name, "name");
    }
}
