package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code fixtures/<source>/<case>.*} and compares a parser's output with {@code <case>.expected.json}
 * ({@code records}: payloads in order; {@code rejected}: rejection reasons in order).
 */
final class Fixtures {
    /** The crawl time every news fixture is read at; relative times in the fixtures count back from it. */
    static final Instant CRAWLED_AT = Instant.parse("2026-11-21T03:05:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static byte[] bytes(String source, String file) {
        String name = "/fixtures/" + source + "/" + file;
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String source, String file) {
        return new String(bytes(source, file), StandardCharsets.UTF_8);
    }

    static JsonNode expected(String source, String fixtureCase) {
        try {
            return JSON.readTree(bytes(source, fixtureCase + ".expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertParsed(String source, String fixtureCase, Parsed<ObjectNode> actual) {
        JsonNode expected = expected(source, fixtureCase);
        assertRecords(source + "/" + fixtureCase, expected.get("records"), actual.items());
        List<String> wantReasons = new ArrayList<>();
        expected.get("rejected").forEach(r -> wantReasons.add(r.asText()));
        assertEquals(wantReasons, actual.rejections().stream().map(Rejection::reason).toList(),
                "rejections of " + source + "/" + fixtureCase + ": " + actual.rejections());
    }

    static void assertRecords(String what, JsonNode expected, List<? extends JsonNode> actual) {
        List<JsonNode> want = new ArrayList<>();
        expected.forEach(want::add);
        assertEquals(pretty(want), pretty(actual), "records of " + what);
    }

    private static String pretty(List<? extends JsonNode> nodes) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(nodes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
