package org.picu.jobs.clean.feargreed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.picu.jobs.clean.IsoTimes;
import org.picu.model.FearGreedClassification;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

/**
 * The Fear &amp; Greed cleaning rules, as plain code the mapper and the tests call directly.
 *
 * <ul>
 *   <li>value: a whole number 0–100, as a JSON number or numeric text ({@code 45}, {@code "45"},
 *       {@code 45.0}); the original's parser failed on a JSON int and so lost every reading;</li>
 *   <li>classification: always re-derived from {@link FearGreedClassification}, whatever the site says
 *       (the original had two tables);</li>
 *   <li>timestamp: ISO-8601 with an offset, or epoch seconds or milliseconds (alternative.me sends epoch
 *       seconds as text); converted to UTC; more than a day after the crawl is rejected;</li>
 *   <li>source: the raw source {@code fear_greed} is published as {@value #PUBLISHED_SOURCE}, the name
 *       {@code fear_greed.avsc} documents for compatibility with the original.</li>
 * </ul>
 */
final class FearGreedNormalizer {
    static final String PUBLISHED_SOURCE = "cnn_fear_greed";
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    /** Below this an epoch number is seconds, above it milliseconds (1e11 s is the year 5138). */
    private static final long SECONDS_LIMIT = 100_000_000_000L;

    CleanFearGreed normalize(RecordEnvelope envelope) throws MalformedRecordException {
        if (envelope.kind() != RecordKind.FEAR_GREED) {
            throw new MalformedRecordException("wrong_kind",
                    "kind " + envelope.kind().wireName() + " does not belong in fear_greed");
        }
        ObjectNode p = envelope.payload();
        int value = value(p.get("value"));
        Instant timestamp = timestamp(p.get("timestamp"));
        if (timestamp.isAfter(envelope.crawledAt().plus(MAX_CLOCK_SKEW))) {
            throw new MalformedRecordException("timestamp_in_future",
                    "timestamp " + timestamp + " is more than a day after the crawl at " + envelope.crawledAt());
        }
        String source = "fear_greed".equals(envelope.source()) ? PUBLISHED_SOURCE : envelope.source();
        boolean viaApi = !p.hasNonNull("via") || "api".equals(p.get("via").asText());
        return new CleanFearGreed(source, value, FearGreedClassification.of(value), timestamp.toEpochMilli(),
                envelope.crawledAt().toEpochMilli(), envelope.workerId(), envelope.seq(), viaApi);
    }

    static int value(JsonNode v) throws MalformedRecordException {
        if (v == null || v.isNull()) {
            throw new MalformedRecordException("missing_field", "value is missing");
        }
        BigDecimal d;
        try {
            if (v.isNumber()) {
                d = v.decimalValue();
            } else if (v.isTextual()) {
                d = new BigDecimal(v.asText().trim());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad_number", "value '" + v.asText() + "' is not a number");
        }
        if (d.stripTrailingZeros().scale() > 0) {
            throw new MalformedRecordException("bad_value", "value " + d.toPlainString() + " is not a whole number");
        }
        if (d.compareTo(BigDecimal.ZERO) < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new MalformedRecordException("bad_value", "value " + d.toPlainString() + " is outside 0-100");
        }
        return d.intValueExact();
    }

    private static Instant timestamp(JsonNode v) throws MalformedRecordException {
        if (v == null || v.isNull()) {
            throw new MalformedRecordException("missing_field", "timestamp is missing");
        }
        if (v.isIntegralNumber() || (v.isTextual() && v.asText().trim().matches("\\d{1,15}"))) {
            long n = v.isIntegralNumber() ? v.asLong() : Long.parseLong(v.asText().trim());
            return n < SECONDS_LIMIT ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        }
        if (!v.isTextual()) {
            throw new MalformedRecordException("bad_timestamp", "timestamp must be ISO-8601 text or an epoch number");
        }
        try {
            return IsoTimes.offsetDateTime(v.asText().trim());
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("bad_timestamp", "timestamp '" + v.asText()
                    + "' must be ISO-8601 with a zone offset, e.g. 2026-11-22T00:00:00Z");
        }
    }
}
