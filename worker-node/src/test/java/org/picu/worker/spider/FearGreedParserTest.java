package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every case in {@code fixtures/fear_greed/} against the expected records beside it. */
class FearGreedParserTest {
    private static final String SOURCE = "fear_greed";

    @ParameterizedTest
    @ValueSource(strings = {"api_normal", "api_numbers", "api_empty", "api_truncated", "api_bad_entries"})
    void api_answers(String fixtureCase) {
        Fixtures.assertParsed(
                SOURCE, fixtureCase, FearGreedParser.fromApi(Fixtures.bytes(SOURCE, fixtureCase + ".json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_normal", "page_no_label", "page_changed_layout", "page_truncated"})
    void index_pages(String fixtureCase) {
        Fixtures.assertParsed(SOURCE, fixtureCase,
                FearGreedParser.fromHtml(Fixtures.text(SOURCE, fixtureCase + ".html"), Fixtures.CRAWLED_AT));
    }

    /**
     * Regression for a defect of the original: its loader stripped the value as text and failed on the
     * API's integers, so no Fear &amp; Greed value was ever stored. Numbers and numeric text must both work.
     */
    @Test
    void value_is_read_from_a_json_number_as_well_as_from_text() throws Exception {
        JsonNodeFactory json = JsonNodeFactory.instance;
        assertEquals(25, FearGreedParser.value(json.numberNode(25)));
        assertEquals(25, FearGreedParser.value(json.numberNode(25.0)));
        assertEquals(25, FearGreedParser.value(json.textNode(" 25 ")));
        assertEquals(0, FearGreedParser.value(json.textNode("0")));
        assertEquals(100, FearGreedParser.value(json.numberNode(100)));
    }
}
