package org.picu.worker.spider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.picu.model.MalformedRecordException;

/**
 * Turns one Upbit ticker object into a {@code market_tick} payload.
 *
 * <p>Payload fields: {@code symbol}, {@code market}, {@code quote_currency}, {@code price}
 * ({@code trade_price}), {@code prev_closing_price}, {@code change_24h}, {@code volume_24h}
 * ({@code acc_trade_volume_24h}), {@code acc_trade_price_24h}, {@code day_volume} ({@code acc_trade_volume}: base
 * units since 00:00 UTC, whose increase is an hourly candle's volume) and {@code timestamp} (the trade time, ISO-8601
 * UTC with milliseconds). Numbers are kept as exact decimals so that a price is written as Upbit sent it.
 * {@code acc_trade_price_24h} keeps its true name: it is 24 h traded value, which the original mislabelled
 * {@code market_cap}.
 */
final class UpbitTickerParser {
    /** Exact decimals: the default node factory strips trailing zeros and prints 1.31245E+8 for a price. */
    static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private UpbitTickerParser() {
    }

    /**
     * @param ticker one element of the {@code /v1/ticker} answer
     * @param quote the quote currency the market must belong to, e.g. {@code KRW}
     * @throws MalformedRecordException reason {@code not_an_object}, {@code missing_field} or {@code bad_field}
     */
    static ObjectNode toPayload(JsonNode ticker, String quote) throws MalformedRecordException {
        if (ticker == null || !ticker.isObject()) {
            throw new MalformedRecordException("not_an_object", "ticker is not a JSON object: " + brief(ticker));
        }
        String market = text(ticker, "market");
        String prefix = quote + "-";
        if (!market.startsWith(prefix) || market.length() == prefix.length()) {
            throw new MalformedRecordException("bad_field", "market '" + market + "' is not a " + quote + " market");
        }
        BigDecimal price = number(ticker, "trade_price", market);
        BigDecimal prevClose = number(ticker, "prev_closing_price", market);
        BigDecimal volume = number(ticker, "acc_trade_volume_24h", market);
        BigDecimal tradedValue = number(ticker, "acc_trade_price_24h", market);
        BigDecimal dayVolume = number(ticker, "acc_trade_volume", market);
        long tradeMillis = epochMillis(ticker, "trade_timestamp", market);
        if (price.signum() < 0) {
            throw new MalformedRecordException("bad_field", market + ": trade_price " + price + " is negative");
        }

        ObjectNode payload = EXACT.objectNode();
        payload.put("symbol", market.substring(prefix.length()));
        payload.put("market", market);
        payload.put("quote_currency", quote);
        payload.put("price", price);
        payload.put("prev_closing_price", prevClose);
        payload.put("change_24h", changePercent(price, prevClose));
        payload.put("volume_24h", volume);
        payload.put("acc_trade_price_24h", tradedValue);
        payload.put("day_volume", dayVolume);
        payload.put("timestamp", UTC_MILLIS.format(Instant.ofEpochMilli(tradeMillis)));
        return payload;
    }

    /**
     * Percent change against the previous daily close, 2 dp, half-up; 0 when there is no positive previous
     * close. (Upbit's daily close is at 00:00 KST, so this is not a rolling 24 h change; the name is kept for
     * compatibility with the original API.)
     */
    static BigDecimal changePercent(BigDecimal price, BigDecimal prevClose) {
        if (prevClose.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return price.subtract(prevClose).multiply(HUNDRED).divide(prevClose, 2, RoundingMode.HALF_UP);
    }

    private static String text(JsonNode ticker, String field) throws MalformedRecordException {
        JsonNode value = ticker.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedRecordException("missing_field", field + " is missing in " + brief(ticker));
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedRecordException("bad_field", field + " must be a non-empty string, was " + value);
        }
        return value.asText();
    }

    private static BigDecimal number(JsonNode ticker, String field, String market) throws MalformedRecordException {
        JsonNode value = ticker.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedRecordException("missing_field", market + ": " + field + " is missing");
        }
        if (!value.isNumber()) {
            throw new MalformedRecordException("bad_field", market + ": " + field + " must be a number, was " + value);
        }
        return value.decimalValue();
    }

    private static long epochMillis(JsonNode ticker, String field, String market) throws MalformedRecordException {
        JsonNode value = ticker.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedRecordException("missing_field", market + ": " + field + " is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
            throw new MalformedRecordException("bad_field",
                    market + ": " + field + " must be epoch milliseconds, was " + value);
        }
        return value.asLong();
    }

    private static String brief(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
