package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
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
}
