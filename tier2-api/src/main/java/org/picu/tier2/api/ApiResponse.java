package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

/**
 * A status code and a body: normally a {@code *Representation} record for Jackson to serialise, or
 * {@link RawContent} for a page, a script or the metrics text.
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

    /** 200 with bytes sent as they are. */
    public static ApiResponse content(String contentType, byte[] bytes) {
        return new ApiResponse(200, new RawContent(contentType, bytes));
    }
}
