package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

/** What a handler may look at: the method, the path and the query parameters. */
public record ApiRequest(String method, String path, QueryParameters query) {
    public ApiRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(query, "query is null");
    }
}
