package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picu.worker.config.DeclarativeSourceConfig;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;

/**
 * The two declarative sources of {@code fixtures/declarative/worker.yml} — a Korean table board with
 * local dates and pagination, and English cards with ISO dates in an attribute and no links — over every
 * case beside them.
 */
class DeclarativeParserTest {
    private static final String SOURCE = "declarative";
    private static WorkerConfig config;

    @BeforeAll
    static void loadConfig() throws Exception {
        config = WorkerConfigLoader.load(workerYml());
    }

    static Path workerYml() throws URISyntaxException {
        return Path.of(DeclarativeParserTest.class.getResource("/fixtures/declarative/worker.yml").toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"board_page1", "board_page2", "board_empty", "cards_page", "cards_changed_layout",
            "cards_truncated"})
    void pages(String fixtureCase) {
        JsonNode expected = Fixtures.expected(SOURCE, fixtureCase);
        DeclarativeSourceConfig source = config.sources().declarative().stream()
                .filter(d -> d.name().equals(expected.get("source").asText())).findFirst().orElseThrow();

        DeclarativeParser.Page page = DeclarativeParser.page(Fixtures.text(SOURCE, fixtureCase + ".html"),
                URI.create(expected.get("page_url").asText()), Fixtures.CRAWLED_AT, source);

        Fixtures.assertParsed(SOURCE, fixtureCase, page.items());
        assertEquals(expected.get("next").isNull() ? null : expected.get("next").asText(),
                page.next().map(URI::toString).orElse(null));
    }

    /** Two JSON news feeds of different shape, read by JSON Pointers only. */
    @ParameterizedTest
    @ValueSource(strings = {"cryptocompare_news", "cryptocompare_error", "coindesk_articles"})
    void feeds(String fixtureCase) {
        JsonNode expected = Fixtures.expected(SOURCE, fixtureCase);
        DeclarativeSourceConfig source = config.sources().declarative().stream()
                .filter(d -> d.name().equals(expected.get("source").asText())).findFirst().orElseThrow();

        Parsed<com.fasterxml.jackson.databind.node.ObjectNode> parsed = DeclarativeParser.feed(
                Fixtures.bytes(SOURCE, fixtureCase + ".json"), URI.create(expected.get("page_url").asText()),
                Fixtures.CRAWLED_AT, source);

        Fixtures.assertParsed(SOURCE, fixtureCase, parsed);
    }

    @Test
    void a_feed_without_the_item_array_names_the_keys_it_has() {
        DeclarativeSourceConfig source = config.sources().declarative().stream()
                .filter(d -> d.name().equals("cryptocompare")).findFirst().orElseThrow();

        Parsed<com.fasterxml.jackson.databind.node.ObjectNode> parsed = DeclarativeParser.feed(
                Fixtures.bytes(SOURCE, "cryptocompare_error.json"), source.startUrl(), Fixtures.CRAWLED_AT, source);

        String detail = parsed.rejections().get(0).detail();
        assertTrue(detail.contains("no array at '/Data'"), detail);
        assertTrue(detail.contains("[Response, Message, HasWarning, Type, RateLimit, Data]"), detail);
    }

    @Test
    void a_feed_that_is_not_json_is_bad_json_and_other_date_formats_work() throws Exception {
        DeclarativeSourceConfig cc = config.sources().declarative().stream()
                .filter(d -> d.name().equals("cryptocompare")).findFirst().orElseThrow();
        byte[] challenge = "<!DOCTYPE html><title>Just a moment...</title>".getBytes(StandardCharsets.UTF_8);

        assertEquals("bad_json", DeclarativeParser.feed(challenge, cc.startUrl(), Fixtures.CRAWLED_AT, cc)
                .rejections().get(0).reason());

        // The same feed with ISO dates and with epoch milliseconds.
        String iso = "{\"Data\":[{\"title\":\"t\",\"body\":\"b\",\"url\":\"https://x.example/1\","
                + "\"published_on\":\"2026-11-21T11:53:00+09:00\"}]}";
        String millis = "{\"Data\":[{\"title\":\"t\",\"body\":\"b\",\"url\":\"https://x.example/1\","
                + "\"published_on\":1795229580000}]}";
        assertEquals("2026-11-21T11:53:00+09:00", DeclarativeParser.feed(iso.getBytes(StandardCharsets.UTF_8),
                cc.startUrl(), Fixtures.CRAWLED_AT, withDateFormat(cc, DeclarativeSourceConfig.ISO))
                .items().get(0).get("published_at").asText());
        assertEquals("2026-11-21T02:53:00Z", DeclarativeParser.feed(millis.getBytes(StandardCharsets.UTF_8),
                cc.startUrl(), Fixtures.CRAWLED_AT, withDateFormat(cc, DeclarativeSourceConfig.EPOCH_MILLIS))
                .items().get(0).get("published_at").asText());
    }

    private static DeclarativeSourceConfig withDateFormat(DeclarativeSourceConfig d, String format) {
        return new DeclarativeSourceConfig(d.name(), d.startUrl(), d.item(), d.title(), d.link(), d.date(),
                d.dateAttribute(), format, d.zone(), d.body(), d.next(), d.maxPages(), d.format(), d.render());
    }
}
