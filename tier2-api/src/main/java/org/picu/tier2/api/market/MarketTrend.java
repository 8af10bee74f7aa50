package org.picu.tier2.api.market;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One market observation as the API reads it; optional figures are null when the exchange did not give them. */
public record MarketTrend(
        String symbol, double price, Double volume24h, Double change24h, Instant timestamp, String source) {
    public MarketTrend {
        requireNonNull(symbol, "symbol is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(source, "source is null");
    }
}
