package org.picu.testkit.replay;

import java.time.Instant;

/**
 * One request the replay server answered, kept so that tests can assert what a spider fetched.
 *
 * @param method HTTP method, e.g. {@code GET}
 * @param path the request path, e.g. {@code /v1/ticker}
 * @param query the decoded query string without {@code ?}, or {@code null} if there was none
 * @param userAgent the {@code User-Agent} header, or {@code null} if the client sent none
 * @param status the status code the server answered with
 * @param receivedAt when the server received the request
 */
public record ReplayRequest(
        String method, String path, String query, String userAgent, int status, Instant receivedAt) {

    /** Path plus {@code ?query} when there is a query, e.g. {@code /v1/market/all?isDetails=false}. */
    public String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }
}
