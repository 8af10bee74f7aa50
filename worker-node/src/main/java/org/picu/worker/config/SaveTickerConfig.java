package org.picu.worker.config;

import java.net.URI;
import java.util.Objects;

/**
 * Keys {@code sources.saveticker.*}: the SaveTicker news board.
 *
 * @param boardUrl the board page whose items are crawled
 * @param maxItems items taken from the board per run, at most
 */
public record SaveTickerConfig(URI boardUrl, int maxItems) {
    public static final URI DEFAULT_BOARD_URL = URI.create("https://www.saveticker.com/app/news");
    public static final int DEFAULT_MAX_ITEMS = 100;

    public SaveTickerConfig {
        Objects.requireNonNull(boardUrl, "boardUrl");
    }

    public static SaveTickerConfig defaults() {
        return new SaveTickerConfig(DEFAULT_BOARD_URL, DEFAULT_MAX_ITEMS);
    }
}
