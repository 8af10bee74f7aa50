package org.picu.tier2.api;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Set;

/**
 * Which browser origins may call the API ({@code http.cors-origins}). An allowed origin is echoed back with
 * {@code Vary: Origin}; credentials are never allowed (state changes use a bearer token, not cookies), so even a
 * configured {@code *} is safe. Preflights answer only for allowed origins.
 */
final class CorsPolicy {
    private static final String ANY = "*";

    private final Set<String> origins;

    CorsPolicy(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    boolean allows(String origin) {
        return origin != null && (origins.contains(ANY) || origins.contains(origin));
    }

    /** Adds the headers of a simple (non-preflight) response when the origin is allowed. */
    void decorate(String origin, Headers responseHeaders) {
        if (origin == null) {
            return;
        }
        responseHeaders.add("Vary", "Origin");
        if (allows(origin)) {
            responseHeaders.set("Access-Control-Allow-Origin", origins.contains(ANY) ? ANY : origin);
        }
    }

    /** Adds the preflight headers; the caller has checked {@link #allows}. */
    void preflight(String origin, String allowedMethods, Headers responseHeaders) {
        decorate(origin, responseHeaders);
        responseHeaders.set("Access-Control-Allow-Methods", allowedMethods);
        responseHeaders.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
        responseHeaders.set("Access-Control-Max-Age", "600");
    }
}
