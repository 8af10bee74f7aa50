package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

/**
 * A status code and a body for Jackson to serialise, normally a {@code *Representation} record.
 */
public record ApiResponse(int status, Object body) {
    public ApiResponse {
        requireNonNull(body, "body is null");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status " + status + " is not an HTTP status code");
        }
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }
}
