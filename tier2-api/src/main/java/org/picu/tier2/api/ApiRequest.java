package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a handler may look at: the method, the path, the values of the route's {@code {name}} segments and the
 * query parameters. Headers are deliberately absent: authentication and CORS are the {@link Router}'s business.
 */
public record ApiRequest(String method, String path, Map<String, String> pathParameters, QueryParameters query) {
    public ApiRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        pathParameters = Map.copyOf(requireNonNull(pathParameters, "pathParameters is null"));
        requireNonNull(query, "query is null");
    }

    /** A request to a route without path parameters. */
    public ApiRequest(String method, String path, QueryParameters query) {
        this(method, path, Map.of(), query);
    }

    /**
     * The decoded value of path segment {@code {name}}.
     *
     * @throws IllegalArgumentException if the route has no such segment (a programming error, hence a 500)
     */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route of " + path + " has no path parameter {" + name + "}");
        }
        return value;
    }
}
