package org.picu.worker.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A successful (2xx) response, read completely.
 *
 * @param url the URL requested
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, or empty
 * @param body the body bytes, at most the configured cap
 * @param fetchedAt when the response arrived (UTC); spiders use it as the records' {@code crawled_at}
 */
public record FetchResponse(URI url, int status, String contentType, byte[] body, Instant fetchedAt) {

    /** The body decoded as UTF-8, which every source PICU crawls uses. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
