package org.picu.tier2.api.status;

import static java.util.Objects.requireNonNull;

import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;

/** {@code GET /} → {@code {"message":"CoinTicker API","version":"...","status":"running"}}. */
public final class RootHandler implements Handler {
    private final RootRepresentation representation;

    public RootHandler(String version) {
        this.representation =
                new RootRepresentation("CoinTicker API", requireNonNull(version, "version is null"), "running");
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(representation);
    }
}
