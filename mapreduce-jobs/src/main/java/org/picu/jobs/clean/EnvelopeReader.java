package org.picu.jobs.clean;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

/**
 * The mapper's fast way to the envelope of a raw line: one streaming pass over the line's UTF-8 bytes
 * (no decoding of the whole line to a {@code String}, no JSON tree for the envelope). The payload either
 * becomes a tree, or, for rules that declare the fields they read, only those fields are read
 * ({@link PayloadFields}) and the rest skipped.
 *
 * <p>It only ever <em>accepts</em>: for a line it is sure of, it returns exactly the envelope the model's
 * {@link EnvelopeCodec} returns; for anything else (malformed JSON, a missing or mistyped field, a
 * key repeated in any object, content after the object, a byte-order mark, UTF-8-encoded surrogates) it
 * returns null and the caller asks the codec, which stays the one definition of the envelope and of every
 * reject reason and message. {@code EnvelopeReaderTest} checks the two against each other.
 */
final class EnvelopeReader {
    /** Strict like the codec's: a line repeating a key in any object is left to the codec, which rejects it. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int SCHEMA_VERSION = 1;
    private static final int SOURCE = 1 << 1;
    private static final int KIND = 1 << 2;
    private static final int CRAWLED_AT = 1 << 3;
    private static final int WORKER_ID = 1 << 4;
    private static final int SEQ = 1 << 5;
    private static final int URL = 1 << 6;
    private static final int PAYLOAD = 1 << 7;
    private static final int ALL = (1 << 8) - 1;

    private final JsonFactory factory = JSON.getFactory();

    /**
     * The envelope of a line, or null when only the reference codec can decide.
     *
     * @param utf8 a line that passed {@link RawLines#isValidUtf8}
     */
    RecordEnvelope read(byte[] utf8, int length) {
        EnvelopeHead head = read(utf8, length, null);
        if (head == null) {
            return null;
        }
        try {
            return new RecordEnvelope(
                    RecordEnvelope.CURRENT_SCHEMA_VERSION,
                    head.source(),
                    head.kind(),
                    head.crawledAt(),
                    head.workerId(),
                    head.seq(),
                    head.url(),
                    head.payload());
        } catch (RuntimeException e) {
            return null; // a name the record refuses: the codec says which
        }
    }

    /**
     * The envelope fields of a line, its payload read into {@code fields} instead of a tree, or null when only
     * the reference codec can decide. The returned head's {@code payload} is null: the rules read {@code fields}.
     * Accepts exactly the lines {@link #read(byte[], int)} accepts, except that a declared payload field given
     * twice is left to the codec too.
     */
    EnvelopeHead read(byte[] utf8, int length, PayloadFields fields) {
        // A skipped string is never checked against the parser's length limit; a line below it holds none that long.
        if (!plainUtf8Object(utf8, length)
                || (fields != null && length >= factory.streamReadConstraints().getMaxStringLength())) {
            return null;
        }
        try (JsonParser p = factory.createParser(utf8, 0, length)) {
            EnvelopeHead head = read(p, fields, utf8, length);
            // The record's own checks, for the head that does not become one.
            if (head != null && fields != null
                    && (!isName(head.source()) || !isName(head.workerId()) || head.seq() < 0)) {
                return null;
            }
            return head;
        } catch (IOException | RuntimeException e) {
            // Malformed JSON, a rejected field value or a name the record refuses: the codec says which.
            return null;
        }
    }

    /** {@code RecordEnvelope.NAME} ({@code [a-z0-9][a-z0-9_-]{0,39}}) without a matcher per record. */
    static boolean isName(String s) {
        int n = s.length();
        if (n < 1 || n > 40) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '_' || c == '-'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static EnvelopeHead read(JsonParser p, PayloadFields fields, byte[] utf8, int length) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        int seen = 0;
        String source = null;
        RecordKind kind = null;
        Instant crawledAt = null;
        String workerId = null;
        long seq = 0;
        String url = null;
        ObjectNode payload = null;
        boolean payloadRead = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            int field;
            switch (name) {
                case "schema_version" -> {
                    field = SCHEMA_VERSION;
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                            || p.getIntValue() != RecordEnvelope.CURRENT_SCHEMA_VERSION) {
                        return null;
                    }
                }
                case "source" -> {
                    field = SOURCE;
                    source = text(p, value);
                }
                case "kind" -> {
                    field = KIND;
                    String wire = text(p, value);
                    Optional<RecordKind> k = wire == null ? Optional.empty() : RecordKind.fromWireName(wire);
                    kind = k.orElse(null);
                }
                case "crawled_at" -> {
                    field = CRAWLED_AT;
                    String text = text(p, value);
                    crawledAt = text == null ? null : instant(text);
                }
                case "worker_id" -> {
                    field = WORKER_ID;
                    workerId = text(p, value);
                }
                case "seq" -> {
                    field = SEQ;
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return null;
                    }
                    seq = p.getLongValue();
                }
                case "url" -> {
                    field = URL;
                    url = text(p, value);
                }
                case "payload" -> {
                    field = PAYLOAD;
                    if (value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    if (fields != null) {
                        if (!fields.read(p, utf8, length)) {
                            return null;
                        }
                        payloadRead = true;
                    } else {
                        JsonNode tree = JSON.readTree(p);
                        payload = tree instanceof ObjectNode o ? o : null;
                        payloadRead = payload != null;
                    }
                }
                default -> {
                    p.skipChildren();
                    continue;
                }
            }
            if ((seen & field) != 0) {
                return null; // the tree keeps the last of duplicated fields; leave that to the codec
            }
            seen |= field;
        }
        if (t != JsonToken.END_OBJECT || seen != ALL || source == null || kind == null || crawledAt == null
                || workerId == null || url == null || !payloadRead || p.nextToken() != null) {
            return null;
        }
        return new EnvelopeHead(source, kind, crawledAt, workerId, seq, url, payload);
    }

    /** A non-blank JSON string, or null (the codec rejects anything else). */
    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        String s = p.getText();
        return s.isBlank() ? null : s;
    }

    private static Instant instant(String text) {
        try {
            return IsoTimes.instant(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The byte-level conditions under which parsing the bytes gives what parsing the decoded text gives: the line
     * starts (after ASCII white space) with '{', so Jackson's encoding detection and BOM skipping never apply.
     * The other condition, no UTF-8-encoded surrogate (ED A0..BF, which the JDK decodes to U+FFFD and Jackson to
     * the surrogate itself), holds for every line {@link RawLines#isValidUtf8} accepts, the precondition of
     * {@link #read}: checking it again here cost a pass over every line's bytes.
     */
    static boolean plainUtf8Object(byte[] b, int length) {
        int i = 0;
        while (i < length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i >= length || b[i] != '{') {
            return false;
        }
        for (int k = 0; k < Math.min(4, length); k++) {
            if (b[k] == 0) {
                return false;
            }
        }
        return true;
    }
}
