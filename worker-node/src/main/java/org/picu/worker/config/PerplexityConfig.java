package org.picu.worker.config;

import java.net.URI;
import java.util.Objects;

/**
 * Keys {@code sources.perplexity.*}: a text snapshot of the Perplexity finance page.
 *
 * @param pageUrl the page to snapshot
 * @param maxChars the snapshot text is cut to this many characters
 * @param render read the page through the headless browser (see {@link RenderConfig}) instead of plain HTTP
 */
public record PerplexityConfig(URI pageUrl, int maxChars, boolean render) {
    public static final URI DEFAULT_PAGE_URL = URI.create("https://www.perplexity.ai/finance/crypto");
    public static final int DEFAULT_MAX_CHARS = 15_000;

    public PerplexityConfig {
        Objects.requireNonNull(pageUrl, "pageUrl");
    }

    public static PerplexityConfig defaults() {
        return new PerplexityConfig(DEFAULT_PAGE_URL, DEFAULT_MAX_CHARS, false);
    }

    public PerplexityConfig(URI pageUrl, int maxChars) {
        this(pageUrl, maxChars, false);
    }
}
