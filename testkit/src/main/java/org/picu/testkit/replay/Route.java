package org.picu.testkit.replay;

import java.time.Duration;
import java.util.Map;

/**
 * One entry of a site's {@code routes.properties}: which requests it answers and with what.
 *
 * @param name the route's name in the properties file, used in error messages
 * @param path the exact request path it answers
 * @param requiredParams query parameters that must be present with exactly these values
 * @param body the recorded response body
 * @param contentType the {@code Content-Type} to answer with
 * @param status the status code to answer with
 * @param delay how long to wait before answering, to exercise client timeouts
 * @param selector when present, the body is a JSON array filtered by a query parameter
 * @param headers extra response headers, e.g. {@code Retry-After}
 * @param times how many requests this route answers before it stops matching (0 = no limit), so that a
 *     later route with the same path can answer the following ones (e.g. a 429 first, then the page)
 */
record Route(
        String name,
        String path,
        Map<String, String> requiredParams,
        byte[] body,
        String contentType,
        int status,
        Duration delay,
        ArraySelector selector,
        Map<String, String> headers,
        int times) {

    boolean matches(String requestPath, Map<String, String> params) {
        if (!path.equals(requestPath)) {
            return false;
        }
        return requiredParams.entrySet().stream()
                .allMatch(e -> e.getValue().equals(params.get(e.getKey())));
    }
}
