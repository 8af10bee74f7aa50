package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picu.model.MalformedRecordException;

/** Every list and detail answer in {@code fixtures/saveticker/} against the expected output beside it. */
class SaveTickerParserTest {
    private static final String SOURCE = "saveticker";

    @ParameterizedTest
    @ValueSource(strings = {"top_stories.json", "list_page1.json", "list_page2.json", "list_empty.json",
            "list_sunset.json", "list_changed_layout.json", "list_bad_items.json", "list_truncated.json",
            "list_html.html"})
    void list_answers(String file) {
        String fixtureCase = file.substring(0, file.lastIndexOf('.'));
        JsonNode expected = Fixtures.expected(SOURCE, fixtureCase);
        SaveTickerParser.ListPage page = SaveTickerParser.list(Fixtures.bytes(SOURCE, file),
                URI.create(expected.get("page_url").asText()));

        List<String> ids = new ArrayList<>();
        expected.get("entries").forEach(id -> ids.add(id.asText()));
        assertEquals(ids, page.entries().stream().map(SaveTickerParser.Entry::id).toList(), fixtureCase);
        List<String> reasons = new ArrayList<>();
        expected.get("rejected").forEach(r -> reasons.add(r.asText()));
        assertEquals(reasons, page.rejections().stream().map(Rejection::reason).toList(),
                fixtureCase + ": " + page.rejections());
        assertEquals(expected.get("size").asInt(), page.size(), fixtureCase);
        assertEquals(expected.get("readable").asBoolean(), page.readable(), fixtureCase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"detail_161424", "detail_161415", "detail_161167", "detail_161410", "detail_161398",
            "detail_deleted", "detail_changed_layout", "detail_no_text", "detail_wrong_envelope"})
    void detail_answers(String fixtureCase) {
        JsonNode expected = Fixtures.expected(SOURCE, fixtureCase);
        SaveTickerParser.Entry entry = entry(expected.get("list").asText(), expected.get("id").asText());
        List<ObjectNode> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try {
            records.add(SaveTickerParser.withDetail(entry, Fixtures.bytes(SOURCE, fixtureCase + ".json"),
                    URI.create(expected.get("page_url").asText())).toPayload());
        } catch (MalformedRecordException e) {
            rejections.add(new Rejection(e.reason(), e.getMessage()));
        }
        Fixtures.assertParsed(SOURCE, fixtureCase, new Parsed<>(records, rejections));
    }

    @Test
    void created_at_keeps_its_instant_in_utc() {
        SaveTickerParser.Entry entry = entry("top_stories.json", "161424");

        assertEquals("2026-07-06T08:04:05Z", entry.createdAt().toString());
        assertEquals("2026-07-06T17:04:05+09:00", entry.createdText());
    }

    @Test
    void a_changed_list_names_the_keys_found() {
        SaveTickerParser.ListPage page = SaveTickerParser.list(Fixtures.bytes(SOURCE, "list_changed_layout.json"),
                URI.create("https://api.saveticker.com/api/news/list?page=1"));

        String detail = page.rejections().get(0).detail();
        assertTrue(detail.contains("an object with keys [data]"), detail);
    }

    private static SaveTickerParser.Entry entry(String listFile, String id) {
        return SaveTickerParser.list(
                        Fixtures.bytes(SOURCE, listFile), URI.create("https://api.saveticker.com/api/news/top-stories"))
                .entries()
                .stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
