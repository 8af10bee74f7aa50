package org.picu.tier2.api.docs;

import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.dashboard.StaticResourceHandler;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.0 document, written by hand beside this class. A test checks that every
 * routed path appears in it, so a new endpoint cannot go undocumented.
 */
public final class OpenApiHandler implements Handler {
    /** The class-path location of the document. */
    public static final String RESOURCE = "/org/picu/tier2/api/docs/openapi.json";

    private final StaticResourceHandler resource = new StaticResourceHandler(RESOURCE, "application/json; charset=utf-8");

    @Override
    public ApiResponse handle(ApiRequest request) {
        return resource.handle(request);
    }
}
