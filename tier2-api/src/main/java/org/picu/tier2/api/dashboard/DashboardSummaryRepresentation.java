package org.picu.tier2.api.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.market.MarketTrend;

/**
 * {@code GET /api/dashboard/summary}: the original's fields and defaults (index 50 "Neutral" while there is none,
 * sentiment 0.0 without news in the last 24 h) plus {@code market}.
 */
public record DashboardSummaryRepresentation(
        @JsonProperty("fear_greed_index") Index fearGreedIndex,
        @JsonProperty("sentiment_average") BigDecimal sentimentAverage,
        @JsonProperty("top_volume_coins") List<Coin> topVolumeCoins,
        @JsonProperty("latest_insights") List<Insight> latestInsights,
        List<Price> market) {

    /** The newest Fear &amp; Greed value; {@code timestamp} is null for the default. */
    public record Index(int value, String classification, String timestamp) {
        static final Index NEUTRAL = new Index(50, "Neutral", null);
    }

    /** One coin among the top by 24 h volume (latest row per symbol). */
    public record Coin(String symbol, @JsonProperty("volume_24h") BigDecimal volume24h,
            @JsonProperty("change_24h") BigDecimal change24h) {
    }

    /** One recent insight. */
    public record Insight(String type, String symbol, String description, String severity) {
    }

    /** The latest observation of one symbol. */
    public record Price(String symbol, BigDecimal price, @JsonProperty("change_24h") BigDecimal change24h,
            @JsonProperty("volume_24h") BigDecimal volume24h, String timestamp, String source) {
        static Price of(MarketTrend trend) {
            return new Price(trend.symbol(), ApiJson.number(trend.price()), ApiJson.number(trend.change24h()),
                    ApiJson.number(trend.volume24h()), ApiJson.timestamp(trend.timestamp()), trend.source());
        }
    }
}
