package org.picu.worker.spider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.picu.model.FearGreedClassification;
import org.picu.model.MalformedRecordException;

/**
 * Turns alternative.me's Fear &amp; Greed answers into {@code fear_greed} payloads: {@code value} (0-100),
 * {@code classification} (as the site labels it, else from {@link FearGreedClassification}),
 * {@code timestamp} (ISO-8601 UTC) and {@code via} ({@code api} or {@code html}).
 *
 * <p>A value is accepted as a JSON number or as numeric text: the original's loader stripped the value as if
 * it were always text and crashed on the API's numbers, so no index value was ever stored.
 */
final class FearGreedParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FearGreedParser() {
    }

    /** The API's {@code data} entries; an answer that is not JSON or has no entries gives a page rejection. */
    static Parsed<ObjectNode> fromApi(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return Parsed.rejected(
                    "bad_json",
                    "the API answer is not JSON: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode data = tree == null ? null : tree.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            String error = tree == null || tree.path("metadata").path("error").isNull() ? ""
                    : " (metadata.error: " + tree.path("metadata").path("error").asText() + ")";
            return Parsed.rejected("no_data", "the API answer has no data entries" + error);
        }
        List<ObjectNode> items = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (JsonNode entry : data) {
            try {
                int value = value(entry.get("value"));
                Instant time = Instant.ofEpochSecond(epochSeconds(entry.get("timestamp")));
                JsonNode label = entry.get("value_classification");
                items.add(payload(value, label != null && label.isTextual() ? label.asText() : null, time, "api"));
            } catch (MalformedRecordException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage()));
            }
        }
        return new Parsed<>(items, rejections);
    }

    /**
     * The "Now" value of the index page. The page shows no time, and the index is published once a day at
     * 00:00 UTC, so the timestamp is the crawl's UTC day.
     */
    static Parsed<ObjectNode> fromHtml(String html, Instant crawledAt) {
        Document page = Jsoup.parse(html);
        Element now = page.selectFirst(".fng-value");
        Element circle = now == null ? null : now.selectFirst(".fng-circle");
        if (circle == null) {
            return Parsed.rejected("layout_changed", "no .fng-value .fng-circle on the index page");
        }
        try {
            int value = value(JsonNodeFactory.instance.textNode(circle.text()));
            Element status = now.selectFirst(".status");
            String label = status == null || status.text().isBlank() ? null : status.text().strip();
            return new Parsed<>(List.of(payload(value, label, crawledAt.truncatedTo(ChronoUnit.DAYS), "html")),
                    List.of());
        } catch (MalformedRecordException e) {
            return Parsed.rejected(e.reason(), e.getMessage());
        }
    }

    /** 0-100 from a JSON number or numeric text such as {@code " 72 "}. */
    static int value(JsonNode node) throws MalformedRecordException {
        if (node == null || node.isNull()) {
            throw new MalformedRecordException("missing_field", "value is missing");
        }
        BigDecimal number;
        try {
            number = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().strip());
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad_field", "value '" + node.asText() + "' is not a number");
        }
        if (number.stripTrailingZeros().scale() > 0
                || number.signum() < 0
                || number.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new MalformedRecordException("bad_field", "value " + node + " is not a whole number from 0 to 100");
        }
        return number.intValueExact();
    }

    private static long epochSeconds(JsonNode node) throws MalformedRecordException {
        if (node == null || node.isNull()) {
            throw new MalformedRecordException("missing_field", "timestamp is missing");
        }
        try {
            long seconds = node.isIntegralNumber() ? node.asLong() : Long.parseLong(node.asText().strip());
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad_field", "timestamp " + node + " is not epoch seconds");
        }
    }

    private static ObjectNode payload(int value, String label, Instant time, String via) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("value", value);
        payload.put("classification", label == null || label.isBlank() ? FearGreedClassification.of(value) : label);
        payload.put("timestamp", time.toString());
        payload.put("via", via);
        return payload;
    }
}
