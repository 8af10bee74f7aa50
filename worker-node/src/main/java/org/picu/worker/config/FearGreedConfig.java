package org.picu.worker.config;

import java.net.URI;
import java.util.Objects;

/**
 * Keys {@code sources.fear_greed.*}: the crypto Fear &amp; Greed index of alternative.me.
 *
 * @param apiUrl the JSON API, asked with {@code ?limit=<limit>}
 * @param pageUrl the HTML page read when the API answers nothing usable
 * @param limit how many daily values to ask the API for (1 = today only; more back-fills history)
 */
public record FearGreedConfig(URI apiUrl, URI pageUrl, int limit) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.alternative.me/fng/");
    public static final URI DEFAULT_PAGE_URL = URI.create("https://alternative.me/crypto/fear-and-greed-index/");
    public static final int DEFAULT_LIMIT = 1;
    public static final int MAX_LIMIT = 365;

    public FearGreedConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(pageUrl, "pageUrl");
    }

    public static FearGreedConfig defaults() {
        return new FearGreedConfig(DEFAULT_API_URL, DEFAULT_PAGE_URL, DEFAULT_LIMIT);
    }
}
