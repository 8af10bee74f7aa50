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

    /** 401: the endpoint changes state and the request carried no valid bearer token. */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, message, null);
    }

    /** 403: e.g. a CORS preflight from an origin that is not configured. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, message, null);
    }

    /** 409: the request conflicts with work in progress, e.g. a load that is running already. */
    public static ApiException conflict(String message) {
        return new ApiException(409, message, null);
    }

    /** 503: something the endpoint depends on is not configured or not reachable. */
    public static ApiException unavailable(String message) {
        return new ApiException(503, message, null);
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
