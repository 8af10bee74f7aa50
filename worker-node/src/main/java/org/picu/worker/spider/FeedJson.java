package org.picu.worker.spider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.picu.model.MalformedRecordException;

/**
 * Reading the JSON news APIs (Coinness, SaveTicker): the body as a tree, fields by type, and a description of an
 * unexpected answer that names what was found, so that a changed API shows up in the log as what it became.
 */
final class FeedJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedJson() {
    }

    /**
     * @throws MalformedRecordException {@code bad_json} for a body that is empty, cut off or not JSON (an HTML page)
     */
    static JsonNode read(byte[] body, String what) throws MalformedRecordException {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedRecordException("bad_json", what + " is not JSON (" + firstLine(e.getMessage())
                    + "); starts with: " + start(body));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedRecordException("bad_json", what + " is empty");
        }
        return tree;
    }

    /** What a node is, for a {@code layout_changed} message: an object with its keys, else its type. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return "an object with keys " + keys;
        }
        return "a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A text field; absent or null is empty. @throws MalformedRecordException {@code bad_field} for another type */
    static String text(JsonNode item, String field, String where) throws MalformedRecordException {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new MalformedRecordException(
                    "bad_field", where + ": " + field + " is " + describe(value) + ", not text");
        }
        return value.asText();
    }

    /**
     * The site's id: an integral number or digits as text.
     *
     * @throws MalformedRecordException {@code missing_field} without one, {@code bad_field} for anything else
     */
    static String id(JsonNode item, String where) throws MalformedRecordException {
        JsonNode id = item.get("id");
        if (id == null || id.isNull() || (id.isTextual() && id.asText().isBlank())) {
            throw new MalformedRecordException("missing_field", where + ": an item has no id");
        }
        if (id.isIntegralNumber() && id.asLong() > 0) {
            return Long.toString(id.asLong());
        }
        if (id.isTextual() && id.asText().strip().matches("[0-9]{1,19}")) {
            return id.asText().strip();
        }
        throw new MalformedRecordException("bad_field", where + ": id " + id + " is not a number");
    }

    /**
     * An ISO-8601 time with an offset, converted to UTC.
     *
     * @throws MalformedRecordException {@code missing_field} without it, {@code bad_field} for another form
     */
    static OffsetDateTime utcTime(String text, String field, String where) throws MalformedRecordException {
        if (text.isBlank()) {
            throw new MalformedRecordException("missing_field", where + ": " + field + " is missing");
        }
        try {
            return OffsetDateTime.parse(text.strip()).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("bad_field", where + ": " + field + " '" + text
                    + "' is not an ISO-8601 time with an offset");
        }
    }

    /** The text items of an array field, stripped, blanks left out; absent or null is empty. */
    static List<String> texts(JsonNode item, String field, String where) throws MalformedRecordException {
        JsonNode array = item.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new MalformedRecordException("bad_field", where + ": " + field + " is " + describe(array)
                    + ", not an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            }
        }
        return out;
    }

    static Optional<String> optionalText(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String start(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 60), java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(nothing)" : text.replaceAll("\\s+", " ");
    }
}
