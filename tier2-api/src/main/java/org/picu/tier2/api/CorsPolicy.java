package org.picu.tier2.api;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;

/**
 * Which browser origins may call the API ({@code api.cors-origins}). An allowed origin is echoed back with
 * {@code Vary: Origin}; credentials are never allowed (state changes use a bearer token, not cookies), so even a
 * configured {@code *} is safe. Preflights answer only for allowed origins (403 otherwise).
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
    void decorate(String origin, HttpFields.Mutable headers) {
        if (origin == null) {
            return;
        }
        headers.add("Vary", "Origin");
        if (allows(origin)) {
            headers.put("Access-Control-Allow-Origin", origins.contains(ANY) ? ANY : origin);
        }
    }

    /** Adds the preflight headers; the caller has checked {@link #allows}. */
    void preflight(String allowedMethods, HttpFields.Mutable headers) {
        headers.put("Access-Control-Allow-Methods", allowedMethods);
        headers.put("Access-Control-Allow-Headers", "Authorization, Content-Type");
        headers.put("Access-Control-Max-Age", "600");
    }
}
