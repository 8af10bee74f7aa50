package org.picu.worker.config;

import java.net.URI;
import java.util.Objects;

/**
 * Keys {@code sources.coinness.*}: the Coinness news list and its article pages.
 *
 * @param startUrl the first list page
 * @param maxPages list pages followed through the "next" link, at most
 * @param maxArticles article pages fetched per run, at most
 */
public record CoinnessConfig(URI startUrl, int maxPages, int maxArticles) {
    public static final URI DEFAULT_START_URL = URI.create("https://www.coinness.com/news");
    public static final int DEFAULT_MAX_PAGES = 3;
    public static final int DEFAULT_MAX_ARTICLES = 30;

    public CoinnessConfig {
        Objects.requireNonNull(startUrl, "startUrl");
    }

    public static CoinnessConfig defaults() {
        return new CoinnessConfig(DEFAULT_START_URL, DEFAULT_MAX_PAGES, DEFAULT_MAX_ARTICLES);
    }

    public CoinnessConfig withStartUrl(URI url) {
        return new CoinnessConfig(url, maxPages, maxArticles);
    }
}
