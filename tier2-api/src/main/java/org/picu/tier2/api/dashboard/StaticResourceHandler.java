package org.picu.tier2.api.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;

/**
 * Serves one class-path resource (the dashboard page, its script and style, the OpenAPI document). The bytes are
 * read once at startup, so a missing resource fails the start rather than a request; only fixed routes reach
 * here, so no request can name a file.
 */
public final class StaticResourceHandler implements Handler {
    private final String contentType;
    private final byte[] bytes;

    public StaticResourceHandler(String resource, String contentType) {
        this.contentType = contentType;
        try (InputStream in = StaticResourceHandler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            this.bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.content(contentType, bytes);
    }
}
