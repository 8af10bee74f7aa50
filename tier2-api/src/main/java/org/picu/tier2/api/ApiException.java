package org.picu.tier2.api;

import java.util.Optional;

/**
 * A request the API refuses: carries the status and, for a bad parameter, the parameter's name.
 * {@link Router} turns it into an {@link ErrorRepresentation}; its message is shown to the client, so it must
 * not contain anything internal.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    private ApiException(int status, String message, String field) {
        super(message, null, false, false); // a client error needs no stack trace
        this.status = status;
        this.field = field;
    }

    /** 400 for parameter {@code field}; the message says what a valid value looks like. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field);
    }

    /** 400 not tied to one parameter. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, null);
    }

    public int status() {
        return status;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    ErrorRepresentation toRepresentation() {
        return new ErrorRepresentation(getMessage(), field);
    }
}
