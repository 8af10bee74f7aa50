package org.picu.tier2.load;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.apache.avro.generic.GenericRecord;

/** One row of the cleaned {@code market_ticks} dataset, as read from its Avro schema. */
record MarketTick(
        String source,
        String symbol,
        String quoteCurrency,
        double price,
        Double prevClosingPrice,
        Double change24h,
        Double volume24h,
        Double accTradePrice24h,
        Instant timestamp,
        Instant crawledAt) {

    MarketTick {
        requireNonNull(source, "source is null");
        requireNonNull(symbol, "symbol is null");
        requireNonNull(quoteCurrency, "quoteCurrency is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(crawledAt, "crawledAt is null");
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException(
                    "price of " + source + "/" + symbol + " at " + timestamp + " is " + price);
        }
    }

    /** Reads a record of {@code DatasetSchemas.MARKET_TICK}; non-finite optional numbers become nulls. */
    static MarketTick fromAvro(GenericRecord record) {
        return new MarketTick(
                text(record, "source"),
                text(record, "symbol"),
                text(record, "quote_currency"),
                ((Number) record.get("price")).doubleValue(),
                optional(record, "prev_closing_price"),
                optional(record, "change_24h"),
                optional(record, "volume_24h"),
                optional(record, "acc_trade_price_24h"),
                Instant.ofEpochMilli((Long) record.get("timestamp")),
                Instant.ofEpochMilli((Long) record.get("crawled_at")));
    }

    private static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString(); // Avro hands out Utf8, not String
    }

    // MariaDB has no NaN or infinity; an unknown value is what such a number means here.
    private static Double optional(GenericRecord record, String field) {
        Object value = record.get(field);
        if (value == null) {
            return null;
        }
        double number = ((Number) value).doubleValue();
        return Double.isFinite(number) ? number : null;
    }
}
