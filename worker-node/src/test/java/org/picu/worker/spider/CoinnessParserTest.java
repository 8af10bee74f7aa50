package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every feed answer in {@code fixtures/coinness/} against the expected output beside it. */
class CoinnessParserTest {
    private static final String SOURCE = "coinness";

    @ParameterizedTest
    @ValueSource(strings = {"feed_normal.json", "feed_list_envelope.json", "feed_changed_envelope.json",
            "feed_missing_field.json", "feed_bad_field.json", "feed_truncated.json", "feed_html.html",
            "feed_empty.json"})
    void feed_answers(String file) {
        String fixtureCase = file.substring(0, file.lastIndexOf('.'));
        JsonNode expected = Fixtures.expected(SOURCE, fixtureCase);
        CoinnessParser.Page page = CoinnessParser.page(Fixtures.bytes(SOURCE, file),
                URI.create(expected.get("page_url").asText()));

        Fixtures.assertParsed(SOURCE, fixtureCase, page.parsed());
        assertEquals(expected.get("entries").asInt(), page.entries(), "entries of " + fixtureCase);
        JsonNode last = expected.get("last");
        assertEquals(last.isNull() ? null : new CoinnessParser.Cursor(last.get("lastId").asText(),
                last.get("lastAt").asText()), page.last().orElse(null), "cursor of " + fixtureCase);
    }

    @Test
    void a_changed_envelope_names_the_keys_found() {
        CoinnessParser.Page page = CoinnessParser.page(Fixtures.bytes(SOURCE, "feed_changed_envelope.json"),
                URI.create("https://api.coinness.com/feed/v1/breaking-news"));

        String detail = page.parsed().rejections().get(0).detail();
        assertTrue(detail.contains("an object with keys [data]"), detail);
    }

    @Test
    void html_instead_of_json_says_what_came() {
        CoinnessParser.Page page = CoinnessParser.page(Fixtures.bytes(SOURCE, "feed_html.html"),
                URI.create("https://api.coinness.com/feed/v1/breaking-news"));

        String detail = page.parsed().rejections().get(0).detail();
        assertTrue(detail.contains("is not JSON") && detail.contains("<!doctype html>"), detail);
    }
}
