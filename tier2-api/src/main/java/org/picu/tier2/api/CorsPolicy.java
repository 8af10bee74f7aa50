package org.picu.tier2.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * Which browser origins may call the API ({@code api.cors-origins}). An allowed origin is echoed back with
 * {@code Vary: Origin}; credentials are never allowed (state changes use a bearer token, not cookies), so even a
 * configured {@code *} is safe. Preflights answer only for allowed origins (403 otherwise, which Javalin's CORS
 * plugin cannot express: it leaves refused preflights to fall through to the routes).
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
    void decorate(String origin, Context ctx) {
        if (origin == null) {
            return;
        }
        ctx.res().addHeader("Vary", "Origin");
        if (allows(origin)) {
            ctx.header("Access-Control-Allow-Origin", origins.contains(ANY) ? ANY : origin);
        }
    }

    /** Adds the preflight headers; the caller has checked {@link #allows}. */
    void preflight(String origin, String allowedMethods, Context ctx) {
        ctx.header("Access-Control-Allow-Methods", allowedMethods);
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
    }
}
