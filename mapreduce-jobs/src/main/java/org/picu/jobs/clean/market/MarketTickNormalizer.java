package org.picu.jobs.clean.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.picu.jobs.clean.EnvelopeHead;
import org.picu.jobs.clean.IsoTimes;
import org.picu.jobs.clean.Payload;
import org.picu.jobs.clean.PayloadFields;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

/**
 * The market cleaning rules, as plain code the mapper calls and tests call directly.
 *
 * <ul>
 *   <li>symbol: trimmed, upper-cased, 2–10 letters or digits;</li>
 *   <li>numbers: JSON numbers or numeric strings ({@code "1,234.5"}, {@code "3.2%"}); price must be finite
 *       and ≥ 0; an optional figure that is negative or not a number becomes null, as in the original;</li>
 *   <li>timestamp: ISO-8601 with an offset or {@code Z}, or epoch milliseconds, converted to UTC; a time
 *       without a zone is rejected rather than guessed; more than a day after the crawl is rejected;</li>
 *   <li>change_24h: taken from the record, else computed against the previous close (2 dp).</li>
 * </ul>
 */
final class MarketTickNormalizer {
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    /** The payload fields the rules read. */
    static PayloadFields payloadFields() {
        return new PayloadFields("symbol", "quote_currency", "market", "price", "prev_closing_price", "change_24h",
                "timestamp", "volume_24h", "acc_trade_price_24h", "day_volume");
    }

    CleanMarketTick normalize(RecordEnvelope envelope) throws MalformedRecordException {
        ObjectNode payload = envelope.payload();
        return normalize(envelope.kind(), envelope.source(), envelope.crawledAt(), envelope.workerId(), envelope.seq(),
                payload::get);
    }

    CleanMarketTick normalize(EnvelopeHead head, Payload payload) throws MalformedRecordException {
        return normalize(head.kind(), head.source(), head.crawledAt(), head.workerId(), head.seq(), payload);
    }

    private CleanMarketTick normalize(RecordKind kind, String source, Instant crawledAt, String workerId, long seq,
            Payload p) throws MalformedRecordException {
        if (kind != RecordKind.MARKET_TICK) {
            throw new MalformedRecordException("wrong_kind",
                    "kind " + kind.wireName() + " does not belong in market_ticks");
        }
        String symbol = text(p, "symbol").toUpperCase(java.util.Locale.ROOT);
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
        return new CleanMarketTick(source, symbol, quote, price, prevClose, change,
                nonNegativeOrNull(p, "volume_24h"), nonNegativeOrNull(p, "acc_trade_price_24h"),
                nonNegativeOrNull(p, "day_volume"),
                timestamp.toEpochMilli(), crawledAt.toEpochMilli(), workerId, seq);
    }

    private static String quoteCurrency(Payload p) throws MalformedRecordException {
        String quote = p.hasNonNull("quote_currency")
                ? p.get("quote_currency").asText().trim().toUpperCase(java.util.Locale.ROOT)
                : null;
        if (quote == null && p.hasNonNull("market") && p.get("market").asText().contains("-")) {
            quote = p.get("market").asText().split("-", 2)[0].trim().toUpperCase(java.util.Locale.ROOT);
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

    /**
     * Whether {@code s} is 2 to 10 of A-Z (and 0-9 if {@code digits}): the rule {@code [A-Z0-9]{2,10}} (or
     * {@code [A-Z]{2,10}}) as a loop, as a regex matcher per record was a visible share of the map side.
     */
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

    private static String text(Payload p, String field) throws MalformedRecordException {
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
    private static Double number(Payload p, String field) throws MalformedRecordException {
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

    private static Double optionalNumber(Payload p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : parse(v);
    }

    private static Double nonNegativeOrNull(Payload p, String field) {
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

    private static Instant timestamp(Payload p) throws MalformedRecordException {
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

    /**
     * {@code BigDecimal.valueOf(x).setScale(2, HALF_UP).doubleValue()}: the decimal {@code x} prints as, rounded
     * half up to two places. Without the decimal's string when {@code 100 x} is not near a tie: below 1e9 the
     * printed decimal times 100 is within two ulps (~2.4e-7) of {@code 100 x}, so both round to the same integer k,
     * and {@code k / 100.0} is the double nearest k/100 (IEEE division rounds correctly), as {@code doubleValue}
     * gives. The rest (ties, large and non-finite values) takes the decimal way.
     */
    static double twoDecimalsHalfUp(double x) {
        double y = Math.abs(x * 100);
        if (y < 1e9) {
            double whole = Math.floor(y);
            double fraction = y - whole;
            if (Math.abs(fraction - 0.5) > 1e-4) {
                double k = fraction > 0.5 ? whole + 1 : whole;
                // BigDecimal has no negative zero: a change that rounds to nothing is +0.0.
                return k == 0 ? 0.0 : Math.copySign(k, x) / 100;
            }
        }
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
