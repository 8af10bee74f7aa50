package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.worker.config.CoinnessConfig;
import org.picu.model.BuiltInSource;
import org.picu.worker.config.ConfigException;
import org.picu.worker.config.DeclarativeSourceConfig;
import org.picu.worker.config.SaveTickerConfig;
import org.picu.worker.config.SourcesConfig;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;

/** The {@code sources} section of the worker config and the spider list built from it. */
class SourcesConfigTest {
    private static final String HEAD = """
            worker: {id: w1}
            spool: {dir: spool}
            hdfs: {uri: "file:///picu"}
            """;

    @TempDir
    Path dir;

    @Test
    void every_built_in_source_creates_a_spider_that_writes_under_its_name() throws Exception {
        WorkerConfig config = load(HEAD);
        for (String name : BuiltInSource.names()) {
            assertEquals(name, Spiders.create(name, config).orElseThrow().name());
        }
    }

    @Test
    void sources_default_when_the_section_is_absent() throws Exception {
        WorkerConfig config = load(HEAD);

        assertEquals(SourcesConfig.defaults(), config.sources());
    }

    @Test
    void built_in_source_keys_are_read() throws Exception {
        WorkerConfig config = load(HEAD + """
                sources:
                  fear_greed: {api-url: "http://127.0.0.1:1/fng/", limit: 7}
                  coinness: {api-url: "http://127.0.0.1:1/feed/v1/breaking-news", language: en, page-size: 50,
                             max-pages: 2, max-items: 5}
                  saveticker: {api-url: "http://127.0.0.1:1", page-size: 10, max-pages: 0, max-items: 10}
                  perplexity: {page-url: "http://127.0.0.1:1/finance/crypto", max-chars: 5000}
                """);

        assertEquals(7, config.sources().fearGreed().limit());
        assertEquals(URI.create("http://127.0.0.1:1/fng/"), config.sources().fearGreed().apiUrl());
        assertEquals(new CoinnessConfig(URI.create("http://127.0.0.1:1/feed/v1/breaking-news"), "en", 50, 2, 5),
                config.sources().coinness());
        assertEquals(new SaveTickerConfig(URI.create("http://127.0.0.1:1"), 10, 0, 10), config.sources().saveTicker());
        assertEquals(5000, config.sources().perplexity().maxChars());
    }

    @Test
    void a_declarative_source_is_read_and_becomes_a_spider() throws Exception {
        WorkerConfig config = WorkerConfigLoader.load(DeclarativeParserTest.workerYml());

        DeclarativeSourceConfig board = config.sources().declarative().get(0);
        assertEquals("coinboard", board.name());
        assertEquals(ZoneId.of("Asia/Seoul"), board.zone());
        assertEquals(Optional.of("a.next-page"), board.next());
        assertEquals(2, board.maxPages());
        assertEquals(Optional.empty(), config.sources().declarative().get(1).link());
        assertEquals(List.of("upbit", "fear_greed", "coinness", "saveticker", "perplexity", "coinboard", "chainwire",
                "cryptocompare", "coindesk"), Spiders.names(config));
        DeclarativeSourceConfig feed = config.sources().declarative().get(2);
        assertTrue(feed.json());
        assertEquals("/Data", feed.item());
        assertEquals(Optional.of("/published_on"), feed.date());
        assertEquals(DeclarativeSourceConfig.EPOCH_SECONDS, feed.dateFormat());
        assertTrue(!board.json() && !board.render(), "html without the browser unless asked");
        assertEquals("chainwire", Spiders.create("chainwire", config).orElseThrow().name());
        assertTrue(Spiders.create("nosuch", config).isEmpty());
    }

    @Test
    void every_problem_of_the_sources_section_is_reported_at_once() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load(HEAD + """
                sources:
                  fear_greed: {limit: 0, api-url: "ftp://x/"}
                  coinness: {max-pages: lots, language: Korean, page-size: 101}
                  coinbase: {api: x}
                  saveticker: {api-url: "http://127.0.0.1:1", page-size: 51, colour: {a: 1}}
                  declarative:
                    - name: upbit
                      start-url: https://a.example/
                      item: "div["
                      title: h2
                      body: p
                      date-format: "yyyy-qq-bogus{"
                      zone: Mars/Olympus
                    - name: ok-one
                      item: li
                      title: a
                      body: p
                      max-pages: 99
                      colour: red
                """));

        String message = e.getMessage();
        for (String expected : List.of("sources.fear_greed.limit", "sources.fear_greed.api-url",
                "sources.coinness.max-pages", "sources.coinness.language", "sources.coinness.page-size",
                "sources.saveticker.page-size", "(upbit).name is a built-in source", "(upbit).item",
                "(upbit).date-format", "(upbit).zone", "(ok-one).start-url is missing", "(ok-one).max-pages",
                "unknown key 'sources.declarative.colour'", "unknown key 'sources.coinbase'",
                "unknown key 'sources.saveticker.colour'")) {
            assertTrue(message.contains(expected), "'" + expected + "' missing from: " + message);
        }
    }

    @Test
    void json_feed_and_render_keys_are_checked() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load(HEAD + """
                sources:
                  perplexity: {render: maybe}
                  declarative:
                    - name: feed-one
                      start-url: https://a.example/news
                      format: json
                      item: Data
                      title: /title
                      body: /body
                      next: a.next
                      render: true
                    - name: feed-two
                      start-url: https://a.example/news
                      format: xml
                      item: li
                      title: a
                      body: p
                """));

        String message = e.getMessage();
        for (String expected : List.of("sources.perplexity.render 'maybe' must be true or false",
                "(feed-one).item 'Data' is not a JSON Pointer",
                "(feed-one): next and date-attribute apply to HTML pages only",
                "(feed-one).render applies to HTML pages only", "(feed-two).format 'xml' must be html")) {
            assertTrue(message.contains(expected), "'" + expected + "' missing from: " + message);
        }
    }

    private WorkerConfig load(String yaml) throws Exception {
        Path file = dir.resolve("worker.yml");
        Files.writeString(file, yaml);
        return WorkerConfigLoader.load(file);
    }
}
