package org.picu.jobs.clean.feargreed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.jobs.clean.io.CleaningRules;
import org.picu.jobs.clean.io.Rows;
import org.picu.model.FearGreedClassification;
import org.picu.model.IsoTimes;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.model.avro.DatasetSchemas;

/**
 * The {@code fear_greed} contract: what a valid reading is, how it becomes a row of {@code fear_greed.avsc}, and
 * which row is kept per index time. Rejects carry a reason: {@code wrong_kind}, {@code missing_field},
 * {@code bad_number}, {@code bad_value}, {@code bad_timestamp}, {@code timestamp_in_future} (and the envelope's
 * own, e.g. {@code bad_json}, {@code duplicate_key}, from the model's codec).
 *
 * <ul>
 *   <li>value: a whole number 0–100, as a JSON number or numeric text ({@code 45}, {@code "45"},
 *       {@code 45.0}); the original's parser failed on a JSON int and so lost every reading;</li>
 *   <li>classification: always re-derived from {@link FearGreedClassification}, whatever the site says
 *       (the original had two tables);</li>
 *   <li>timestamp: ISO-8601 with an offset, or epoch seconds or milliseconds (alternative.me sends epoch
 *       seconds as text); converted to UTC; more than a day after the crawl is rejected;</li>
 *   <li>source: the raw source {@code fear_greed} is published as {@value #PUBLISHED_SOURCE}, the name
 *       {@code fear_greed.avsc} documents for compatibility with the original;</li>
 *   <li>dedup key: the index's own time; the newest crawl wins, then a reading from the JSON API over one scraped
 *       from HTML ({@code via}), then the lowest worker id, then the lowest sequence number.</li>
 * </ul>
 */
public final class FearGreedRules implements CleaningRules {
    static final String PUBLISHED_SOURCE = "cnn_fear_greed";
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    /** Below this an epoch number is seconds, above it milliseconds (1e11 s is the year 5138). */
    private static final long SECONDS_LIMIT = 100_000_000_000L;
    /** The published fields, then whether the reading came from the API: it only breaks ties, and is not published. */
    private static final Schema ROW = Rows.withExtraFields(DatasetSchemas.FEAR_GREED,
            new Schema.Field("via_api", SchemaBuilder.builder().booleanType()));

    /** The order is total, so every run and every grouping of rows into map tasks keeps the same reading. */
    static final Comparator<GenericRecord> WINNER_FIRST = Comparator
            .comparingLong((GenericRecord r) -> Rows.longValue(r, "crawled_at")).reversed()
            .thenComparing((GenericRecord r) -> (Boolean) r.get("via_api"), Comparator.reverseOrder())
            .thenComparing(r -> Rows.string(r, "worker_id"))
            .thenComparingLong(r -> Rows.longValue(r, "seq"));

    @Override
    public Schema schema() {
        return DatasetSchemas.FEAR_GREED;
    }

    @Override
    public Schema rowSchema() {
        return ROW;
    }

    @Override
    public List<String> keyFields() {
        return List.of("timestamp");
    }

    @Override
    public String dedupKey(GenericRecord row) {
        return row.get("timestamp").toString();
    }

    @Override
    public Comparator<GenericRecord> winnerFirst() {
        return WINNER_FIRST;
    }

    @Override
    public GenericRecord clean(RecordEnvelope envelope) throws MalformedRecordException {
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
        GenericRecord row = new GenericData.Record(ROW);
        row.put("source", source);
        row.put("value", value);
        row.put("classification", FearGreedClassification.of(value));
        row.put("timestamp", timestamp.toEpochMilli());
        row.put("crawled_at", envelope.crawledAt().toEpochMilli());
        row.put("worker_id", envelope.workerId());
        row.put("seq", envelope.seq());
        row.put("via_api", viaApi);
        return row;
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
