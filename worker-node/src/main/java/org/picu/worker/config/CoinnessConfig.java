package org.picu.worker.config;

import java.net.URI;
import java.util.Objects;

/**
 * Keys {@code sources.coinness.*}: the Coinness breaking-news feed ({@code api.coinness.com/feed/v1/breaking-news}).
 *
 * @param apiUrl the feed; asked with {@code ?languageCode=<language>&limit=<pageSize>}, later pages also with
 *     {@code lastId} and {@code lastAt} of the previous page's last item
 * @param language the feed's {@code languageCode}, e.g. {@code ko}
 * @param pageSize items asked for per request
 * @param maxPages requests per run, at most
 * @param maxItems records written per run, at most
 */
public record CoinnessConfig(URI apiUrl, String language, int pageSize, int maxPages, int maxItems) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.coinness.com/feed/v1/breaking-news");
    public static final String DEFAULT_LANGUAGE = "ko";
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int DEFAULT_MAX_PAGES = 3;
    public static final int DEFAULT_MAX_ITEMS = 60;

    public CoinnessConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(language, "language");
    }

    public static CoinnessConfig defaults() {
        return new CoinnessConfig(DEFAULT_API_URL, DEFAULT_LANGUAGE, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES,
                DEFAULT_MAX_ITEMS);
    }
}
