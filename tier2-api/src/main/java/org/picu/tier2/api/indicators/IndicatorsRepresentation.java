package org.picu.tier2.api.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.picu.tier2.api.ApiJson;

/** The shapes of {@code /api/technical-indicators/{symbol}} and {@code .../history}, as in the original. */
public final class IndicatorsRepresentation {
    private IndicatorsRepresentation() {
    }

    /** Latest: {@code indicators} null with a {@code message} when there are none in the window. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Latest(String symbol, @JsonInclude(JsonInclude.Include.ALWAYS) Values indicators, String message) {
    }

    /** The latest values, grouped as the original grouped them. */
    public record Values(BigDecimal rsi, Macd macd, @JsonProperty("bollinger_bands") Bands bollingerBands,
            BigDecimal volume, BigDecimal close, String timestamp) {
        static Values of(IndicatorRow row) {
            return new Values(
                    ApiJson.number(row.rsi()),
                    new Macd(
                            ApiJson.number(row.macd()),
                            ApiJson.number(row.macdSignal()),
                            ApiJson.number(row.macdHistogram())),
                    Bands.of(row),
                    ApiJson.number(row.volume()),
                    ApiJson.number(row.close()),
                    ApiJson.timestamp(row.timestamp()));
        }
    }

    /** MACD 12/26/9. */
    public record Macd(BigDecimal value, BigDecimal signal, BigDecimal histogram) {
    }

    /** Bollinger 20/2σ. */
    public record Bands(BigDecimal upper, BigDecimal middle, BigDecimal lower) {
        static Bands of(IndicatorRow row) {
            return new Bands(
                    ApiJson.number(row.bbUpper()), ApiJson.number(row.bbMiddle()), ApiJson.number(row.bbLower()));
        }
    }

    /** History: newest first. */
    public record History(String symbol, List<Point> indicators) {
    }

    /** One point of the history. */
    public record Point(
            String timestamp,
            BigDecimal rsi,
            BigDecimal macd,
            @JsonProperty("macd_signal") BigDecimal macdSignal,
            @JsonProperty("macd_histogram") BigDecimal macdHistogram,
            @JsonProperty("bollinger_bands") Bands bollingerBands,
            BigDecimal volume,
            BigDecimal close) {
        static Point of(IndicatorRow row) {
            return new Point(ApiJson.timestamp(row.timestamp()), ApiJson.number(row.rsi()), ApiJson.number(row.macd()),
                    ApiJson.number(row.macdSignal()), ApiJson.number(row.macdHistogram()), Bands.of(row),
                    ApiJson.number(row.volume()), ApiJson.number(row.close()));
        }
    }
}
