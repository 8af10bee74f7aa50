package org.picu.tier2.api.docs;

import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.dashboard.StaticResourceHandler;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document, maintained by hand beside this class (it is the contract;
 * {@code /docs} renders it). Tests check that every routed path appears in it with an operation id, and that every
 * answer the API gives, the golden files and the document's own examples validate against its schemas.
 */
public final class OpenApiHandler implements Handler {
    /** The class-path location of the document. */
    public static final String RESOURCE = "/org/picu/tier2/api/docs/openapi.json";

    private final StaticResourceHandler resource =
            new StaticResourceHandler(RESOURCE, "application/json; charset=utf-8");

    @Override
    public ApiResponse handle(ApiRequest request) {
        return resource.handle(request);
    }
}
