package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

/** A password or token: {@link #toString()} never shows it, so logging a config record is safe. */
public record Secret(String value) {
    public static final Secret EMPTY = new Secret("");

    public Secret {
        requireNonNull(value, "value is null");
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(empty)" : "********";
    }
}
