package org.picu.tier2.api.market;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.picu.tier2.api.ApiJson;

/** {@code GET /api/market/trends}: the original API's shape, with UTC timestamps. */
public record MarketTrendsRepresentation(List<Trend> trends) {
    /** One observation; field names and order as in the original API. */
    public record Trend(
            String symbol,
            BigDecimal price,
            @JsonProperty("volume_24h") BigDecimal volume24h,
            @JsonProperty("change_24h") BigDecimal change24h,
            String timestamp,
            String source) {

        static Trend of(MarketTrend trend) {
            return new Trend(trend.symbol(), ApiJson.number(trend.price()), ApiJson.number(trend.volume24h()),
                    ApiJson.number(trend.change24h()), ApiJson.timestamp(trend.timestamp()), trend.source());
        }
    }

    static MarketTrendsRepresentation of(List<MarketTrend> trends) {
        return new MarketTrendsRepresentation(trends.stream().map(Trend::of).toList());
    }
}
