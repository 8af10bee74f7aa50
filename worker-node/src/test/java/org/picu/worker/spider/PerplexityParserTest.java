package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picu.model.MalformedRecordException;

/** Every case in {@code fixtures/perplexity/} against the expected record beside it. */
class PerplexityParserTest {
    private static final String SOURCE = "perplexity";
    private static final URI PAGE = URI.create("https://www.perplexity.ai/finance/crypto");

    @ParameterizedTest
    @ValueSource(strings = {"page_normal", "page_bounded", "page_truncated", "page_changed_layout", "page_challenge",
            "page_empty"})
    void snapshots(String fixtureCase) {
        Fixtures.assertParsed(SOURCE, fixtureCase, parse(fixtureCase));
    }

    @Test
    void the_same_snapshot_gets_the_same_id_and_a_changed_one_another() {
        String id = parse("page_normal").items().get(0).get("item_id").asText();
        assertEquals(id, parse("page_normal").items().get(0).get("item_id").asText());
        assertEquals(false, id.equals(parse("page_truncated").items().get(0).get("item_id").asText()));
    }

    private static Parsed<ObjectNode> parse(String fixtureCase) {
        JsonNode expected = Fixtures.expected(SOURCE, fixtureCase);
        String page = expected.path("fixture").asText(fixtureCase);
        List<ObjectNode> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try {
            records.add(PerplexityParser.snapshot(Fixtures.text(SOURCE, page + ".html"), PAGE,
                    expected.get("max_chars").asInt()).toPayload());
        } catch (MalformedRecordException e) {
            rejections.add(new Rejection(e.reason(), e.getMessage()));
        }
        return new Parsed<>(records, rejections);
    }
}
