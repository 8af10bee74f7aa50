package org.picu.worker.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Keys {@code sources.upbit.*}.
 *
 * @param baseUrl API base, {@code https://api.upbit.com} in production, a replay server in tests
 * @param quote quote currency whose markets are crawled, e.g. {@code KRW}
 * @param symbols base symbols to crawl; if none is listed by Upbit, the first
 *     {@link #FALLBACK_MARKETS} markets of the quote are crawled instead (as the original did)
 * @param batchSize markets per ticker request, at most {@link #MAX_BATCH_SIZE}
 */
public record UpbitConfig(URI baseUrl, String quote, List<String> symbols, int batchSize) {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.upbit.com");
    public static final String DEFAULT_QUOTE = "KRW";
    public static final List<String> DEFAULT_SYMBOLS =
            List.of("BTC", "ETH", "XRP", "ADA", "DOGE", "SOL", "DOT", "MATIC", "AVAX", "LINK");
    /** Upbit's documented limit of markets per ticker request. */
    public static final int MAX_BATCH_SIZE = 100;
    public static final int FALLBACK_MARKETS = 20;

    public UpbitConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(quote, "quote");
        symbols = List.copyOf(symbols);
    }

    /** All defaults; convenient for tests and tools. */
    public static UpbitConfig defaults() {
        return new UpbitConfig(DEFAULT_BASE_URL, DEFAULT_QUOTE, DEFAULT_SYMBOLS, MAX_BATCH_SIZE);
    }

    public UpbitConfig withBaseUrl(URI url) {
        return new UpbitConfig(url, quote, symbols, batchSize);
    }

    public UpbitConfig withBatchSize(int size) {
        return new UpbitConfig(baseUrl, quote, symbols, size);
    }

    public UpbitConfig withSymbols(List<String> list) {
        return new UpbitConfig(baseUrl, quote, list, batchSize);
    }
}
