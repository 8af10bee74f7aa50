package org.picu.jobs.clean.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.jobs.clean.io.CleaningRules;
import org.picu.jobs.clean.io.Rows;
import org.picu.model.IsoTimes;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.model.avro.DatasetSchemas;

/**
 * The {@code market_ticks} contract: what a valid tick is, how it becomes a row of {@code market_tick.avsc}, and
 * which row is kept per key. Rejects carry a reason: {@code wrong_kind}, {@code missing_field}, {@code bad_field},
 * {@code bad_symbol}, {@code bad_number}, {@code bad_price}, {@code bad_timestamp}, {@code timestamp_in_future}
 * (and the envelope's own, e.g. {@code bad_json}, {@code duplicate_key}, from the model's codec).
 *
 * <ul>
 *   <li>symbol: trimmed, upper-cased, 2–10 letters or digits;</li>
 *   <li>numbers: JSON numbers or numeric strings ({@code "1,234.5"}, {@code "3.2%"}); price must be finite
 *       and ≥ 0; an optional figure that is negative or not a number becomes null, as in the original;</li>
 *   <li>timestamp: ISO-8601 with an offset or {@code Z}, or epoch milliseconds, converted to UTC; a time
 *       without a zone is rejected rather than guessed; more than a day after the crawl is rejected;</li>
 *   <li>change_24h: taken from the record, else computed against the previous close (2 dp);</li>
 *   <li>dedup key: (source, symbol, exchange timestamp); the newest crawl wins (it carries the latest 24 h
 *       figures), then the lowest worker id, then the lowest sequence number.</li>
 * </ul>
 */
public final class MarketTickRules implements CleaningRules {
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    /**
     * Which of several rows with the same key is kept. The order is total, so every run, and every grouping of
     * rows into map tasks, keeps the same row.
     */
    static final Comparator<GenericRecord> WINNER_FIRST = Comparator
            .comparingLong((GenericRecord r) -> Rows.longValue(r, "crawled_at")).reversed()
            .thenComparing(r -> Rows.string(r, "worker_id"))
            .thenComparingLong(r -> Rows.longValue(r, "seq"));

    @Override
    public Schema schema() {
        return DatasetSchemas.MARKET_TICK;
    }

    @Override
    public List<String> keyFields() {
        return List.of("source", "symbol", "timestamp");
    }

    /** One observation per source, symbol and exchange timestamp. */
    @Override
    public String dedupKey(GenericRecord row) {
        return Rows.string(row, "source") + '|' + Rows.string(row, "symbol") + '|' + row.get("timestamp");
    }

    @Override
    public Comparator<GenericRecord> winnerFirst() {
        return WINNER_FIRST;
    }

    @Override
    public GenericRecord clean(RecordEnvelope envelope) throws MalformedRecordException {
        RecordKind kind = envelope.kind();
        Instant crawledAt = envelope.crawledAt();
        ObjectNode p = envelope.payload();
        if (kind != RecordKind.MARKET_TICK) {
            throw new MalformedRecordException("wrong_kind",
                    "kind " + kind.wireName() + " does not belong in market_ticks");
        }
        String symbol = text(p, "symbol").toUpperCase(Locale.ROOT);
        if (!isCode(symbol, true)) {
            throw new MalformedRecordException("bad_symbol", "symbol '" + symbol + "' must be 2-10 letters or digits");
        }
        String quote = quoteCurrency(p);
        Double price = number(p, "price");
        if (price == null) {
            throw new MalformedRecordException("missing_field", "price is missing");
        }
        if (price < 0) {
            throw new MalformedRecordException("bad_price", "price " + price + " is negative");
        }
        Double prevClose = nonNegativeOrNull(p, "prev_closing_price");
        Double change = optionalNumber(p, "change_24h");
        if (change == null && prevClose != null && prevClose > 0) {
            change = twoDecimalsHalfUp((price - prevClose) / prevClose * 100);
        }
        Instant timestamp = timestamp(p);
        if (timestamp.isAfter(crawledAt.plus(MAX_CLOCK_SKEW))) {
            throw new MalformedRecordException("timestamp_in_future",
                    "timestamp " + timestamp + " is more than a day after the crawl at " + crawledAt);
        }
        GenericRecord row = new GenericData.Record(DatasetSchemas.MARKET_TICK);
        row.put("source", envelope.source());
        row.put("symbol", symbol);
        row.put("quote_currency", quote);
        row.put("price", price);
        row.put("prev_closing_price", prevClose);
        row.put("change_24h", change);
        row.put("volume_24h", nonNegativeOrNull(p, "volume_24h"));
        row.put("acc_trade_price_24h", nonNegativeOrNull(p, "acc_trade_price_24h"));
        row.put("day_volume", nonNegativeOrNull(p, "day_volume"));
        row.put("timestamp", timestamp.toEpochMilli());
        row.put("crawled_at", crawledAt.toEpochMilli());
        row.put("worker_id", envelope.workerId());
        row.put("seq", envelope.seq());
        return row;
    }

    private static String quoteCurrency(ObjectNode p) throws MalformedRecordException {
        String quote = p.hasNonNull("quote_currency")
                ? p.get("quote_currency").asText().trim().toUpperCase(Locale.ROOT)
                : null;
        if (quote == null && p.hasNonNull("market") && p.get("market").asText().contains("-")) {
            quote = p.get("market").asText().split("-", 2)[0].trim().toUpperCase(Locale.ROOT);
        }
        if (quote == null) {
            throw new MalformedRecordException(
                    "missing_field", "quote_currency is missing and no market code gives it");
        }
        if (!isCode(quote, false)) {
            throw new MalformedRecordException("bad_field", "quote_currency '" + quote + "' must be 2-10 letters");
        }
        return quote;
    }

    /** Whether {@code s} is 2 to 10 of A-Z (and 0-9 if {@code digits}). */
    static boolean isCode(String s, boolean digits) {
        int n = s.length();
        if (n < 2 || n > 10) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(digits && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String text(ObjectNode p, String field) throws MalformedRecordException {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            throw new MalformedRecordException("missing_field", field + " is missing");
        }
        if (!v.isTextual()) {
            throw new MalformedRecordException("bad_field", field + " must be a string");
        }
        return v.asText().trim();
    }

    /** A required-looking number: present but unparseable is an error. */
    private static Double number(ObjectNode p, String field) throws MalformedRecordException {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        Double d = parse(v);
        if (d == null) {
            throw new MalformedRecordException("bad_number", field + " '" + v.asText() + "' is not a number");
        }
        return d;
    }

    private static Double optionalNumber(ObjectNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : parse(v);
    }

    private static Double nonNegativeOrNull(ObjectNode p, String field) {
        Double d = optionalNumber(p, field);
        return d == null || d < 0 ? null : d;
    }

    private static Double parse(JsonNode v) {
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual()) {
            String s = v.asText().replace(",", "").replace("%", "").trim();
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(d) ? d : null;
    }

    private static Instant timestamp(ObjectNode p) throws MalformedRecordException {
        JsonNode v = p.get("timestamp");
        if (v == null || v.isNull()) {
            throw new MalformedRecordException("missing_field", "timestamp is missing");
        }
        if (v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (!v.isTextual()) {
            throw new MalformedRecordException(
                    "bad_timestamp", "timestamp must be ISO-8601 text or epoch milliseconds");
        }
        try {
            return IsoTimes.offsetDateTime(v.asText().trim());
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("bad_timestamp", "timestamp '" + v.asText()
                    + "' must be ISO-8601 with a zone offset, e.g. 2026-11-22T03:04:05Z");
        }
    }

    /** {@code x} rounded half up to two decimal places, as the decimal it prints as. */
    static double twoDecimalsHalfUp(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
