package org.picu.tier2.api.market;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/candles/{symbol}}: the symbol, the timeframe and its candles, oldest first. */
public record CandlesRepresentation(String symbol, String timeframe, List<Candle> candles) {
    /** One bucket; {@code timestamp} is its start (UTC), {@code volume} null when the exchange gave none. */
    public record Candle(String timestamp, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
            BigDecimal volume, @JsonProperty("tick_count") int tickCount) {
    }
}
