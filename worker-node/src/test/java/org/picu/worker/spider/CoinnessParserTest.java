package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picu.model.MalformedRecordException;

/** Every list and article case in {@code fixtures/coinness/} against the expected output beside it. */
class CoinnessParserTest {
    private static final String SOURCE = "coinness";

    @ParameterizedTest
    @ValueSource(strings = {"list_normal", "list_last_page", "list_empty", "list_changed_layout"})
    void listPages(String fixtureCase) {
        JsonNode expected = Fixtures.expected(SOURCE, fixtureCase);
        CoinnessParser.ListPage page = CoinnessParser.list(Fixtures.text(SOURCE, fixtureCase + ".html"),
                URI.create(expected.get("page_url").asText()));

        List<CoinnessParser.Entry> want = new ArrayList<>();
        expected.get("entries").forEach(e -> want.add(entry(e)));
        assertEquals(want, page.entries());
        assertEquals(expected.get("next").isNull() ? null : expected.get("next").asText(),
                page.next().map(URI::toString).orElse(null));
        List<String> reasons = new ArrayList<>();
        expected.get("rejected").forEach(r -> reasons.add(r.asText()));
        assertEquals(reasons, page.rejections().stream().map(Rejection::reason).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"article_normal", "article_truncated", "article_no_content", "article_bad_date",
            "article_changed_layout"})
    void articlePages(String fixtureCase) {
        JsonNode expected = Fixtures.expected(SOURCE, fixtureCase);
        List<ObjectNode> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try {
            records.add(CoinnessParser.article(Fixtures.text(SOURCE, fixtureCase + ".html"),
                    entry(expected.get("entry"))).toPayload());
        } catch (MalformedRecordException e) {
            rejections.add(new Rejection(e.reason(), e.getMessage()));
        }
        Fixtures.assertParsed(SOURCE, fixtureCase, new Parsed<>(records, rejections));
    }

    /** Regression for the original storing the content element's raw HTML as the article text. */
    @Test
    void contentIsPlainTextWithoutMarkupOrScripts() throws Exception {
        JsonNode e = Fixtures.expected(SOURCE, "article_normal").get("entry");
        String content = CoinnessParser.article(Fixtures.text(SOURCE, "article_normal.html"), entry(e)).content();

        assertFalse(content.contains("<"), content);
        assertFalse(content.contains("trackRead"), content);
        assertFalse(content.contains("&nbsp;"), content);
    }

    private static CoinnessParser.Entry entry(JsonNode e) {
        List<String> keywords = new ArrayList<>();
        e.get("keywords").forEach(k -> keywords.add(k.asText()));
        return new CoinnessParser.Entry(URI.create(e.get("url").asText()), e.get("title").asText(),
                e.get("published_text").asText(), keywords);
    }
}
