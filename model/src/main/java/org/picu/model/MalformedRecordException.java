package org.picu.model;

/**
 * A record that cannot be used, with a short machine-friendly reason (used as a counter name and in
 * reject outputs) and a human-readable detail.
 */
public class MalformedRecordException extends Exception {
    private final String reason;

    public MalformedRecordException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** A short, stable, lower_snake_case reason such as {@code bad_json} or {@code missing_field}. */
    public String reason() {
        return reason;
    }
}
