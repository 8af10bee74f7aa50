package org.picu.worker.config;

import java.net.URI;
import java.util.Objects;

/**
 * Keys {@code sources.saveticker.*}: the SaveTicker news API ({@code api.saveticker.com}).
 *
 * @param apiUrl the API's root; the spider asks {@code /api/news/top-stories}, {@code /api/news/list} and
 *     {@code /api/news/detail/<id>} below it
 * @param pageSize items per list page ({@code page_size})
 * @param maxPages list pages per run after the top stories, at most; 0 reads the top stories only
 * @param maxItems records written per run, at most (each costs one detail request)
 */
public record SaveTickerConfig(URI apiUrl, int pageSize, int maxPages, int maxItems) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.saveticker.com");
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int DEFAULT_MAX_PAGES = 2;
    public static final int DEFAULT_MAX_ITEMS = 30;

    public SaveTickerConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
    }

    public static SaveTickerConfig defaults() {
        return new SaveTickerConfig(DEFAULT_API_URL, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES, DEFAULT_MAX_ITEMS);
    }
}
