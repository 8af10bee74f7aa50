package org.picu.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes {@link RecordEnvelope}s as single JSON lines.
 *
 * <p>Wire form: {@code {"schema_version":1,"source":"upbit","kind":"market_tick",
 * "crawled_at":"2026-11-22T03:04:05.123Z","worker_id":"w1","seq":17,"url":"...","payload":{...}}}.
 * Instances are thread-safe.
 */
public final class EnvelopeCodec {
    /**
     * A line that repeats a key in any object ({@code "symbol":"BTC","symbol":"ETH"}) is ambiguous: a plain
     * tree would silently keep the last value, so the parser refuses it instead.
     */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String DUPLICATE = "Duplicate field '";

    /** The envelope as one line of JSON without a trailing newline. */
    public String toJsonLine(RecordEnvelope envelope) {
        ObjectNode node = JSON.createObjectNode();
        node.put("schema_version", envelope.schemaVersion());
        node.put("source", envelope.source());
        node.put("kind", envelope.kind().wireName());
        node.put("crawled_at", envelope.crawledAt().toString());
        node.put("worker_id", envelope.workerId());
        node.put("seq", envelope.seq());
        node.put("url", envelope.url());
        node.set("payload", envelope.payload());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Parses one line.
     *
     * @throws MalformedRecordException with reason {@code bad_json}, {@code duplicate_key} (an object of the
     *     line repeats a key), {@code missing_field}, {@code bad_field} or {@code unsupported_version}
     */
    public RecordEnvelope parse(String line) throws MalformedRecordException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith(DUPLICATE) && message.lastIndexOf('\'') > DUPLICATE.length()) {
                throw new MalformedRecordException("duplicate_key", "line repeats the key '"
                        + message.substring(DUPLICATE.length(), message.lastIndexOf('\''))
                        + "' in one object, so which value holds is ambiguous");
            }
            throw new MalformedRecordException("bad_json", "line is not JSON: " + message);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedRecordException("bad_json", "line is not a JSON object");
        }
        int version = requiredInt(node, "schema_version");
        if (version != RecordEnvelope.CURRENT_SCHEMA_VERSION) {
            throw new MalformedRecordException("unsupported_version",
                    "schema_version " + version + " is not supported; this build reads "
                            + RecordEnvelope.CURRENT_SCHEMA_VERSION);
        }
        String kindName = requiredText(node, "kind");
        RecordKind kind = RecordKind.fromWireName(kindName).orElseThrow(() ->
                new MalformedRecordException("bad_field", "unknown kind '" + kindName + "'"));
        Instant crawledAt;
        try {
            crawledAt = IsoTimes.instant(requiredText(node, "crawled_at"));
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("bad_field", "crawled_at is not an ISO-8601 UTC instant");
        }
        JsonNode seq = node.get("seq");
        if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber()) {
            throw new MalformedRecordException("bad_field", "seq must be a whole number");
        }
        JsonNode payload = node.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MalformedRecordException("missing_field", "payload must be a JSON object");
        }
        try {
            return new RecordEnvelope(version, requiredText(node, "source"), kind, crawledAt,
                    requiredText(node, "worker_id"), seq.asLong(), requiredText(node, "url"),
                    (ObjectNode) payload);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("bad_field", e.getMessage());
        }
    }

    private static String requiredText(JsonNode node, String field) throws MalformedRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedRecordException("missing_field", field + " is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedRecordException("bad_field", field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static int requiredInt(JsonNode node, String field) throws MalformedRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedRecordException("missing_field", field + " is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new MalformedRecordException("bad_field", field + " must be a whole number");
        }
        return value.asInt();
    }

    /** A fresh empty payload node, for spiders building records. */
    public static ObjectNode newPayload() {
        return JSON.createObjectNode();
    }
}
