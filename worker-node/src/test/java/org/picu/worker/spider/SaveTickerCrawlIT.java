package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.RecordEnvelope;
import org.picu.testkit.replay.ReplayServer;

/** {@code crawl saveticker} over the recorded board, into a spool: one record per card, none collapsed. */
class SaveTickerCrawlIT {
    @TempDir
    Path dir;

    @Test
    void everyCardBecomesItsOwnRecord() throws Exception {
        try (ReplayServer site = ReplayServer.start("saveticker")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "saveticker", """
                    saveticker:
                      board-url: "%s/app/news"
                    """.formatted(site.baseUrl()));

            assertEquals("crawl saveticker: 7 records written, 1 rejected, 1 file rolled", result.summary());
            JsonNode expected = Fixtures.expected("saveticker", "board_normal").get("records");
            for (int i = 0; i < expected.size(); i++) {
                RecordEnvelope got = result.records().get(i);
                ObjectNode want = ((ObjectNode) expected.get(i)).deepCopy();
                if (want.has("url")) {
                    want.put("url", want.get("url").asText().replace("https://www.saveticker.com", site.baseUrl()));
                }
                // Relative times count back from this crawl's time, not the fixtures' fixed one.
                if (want.has("published_at")) {
                    Instant shifted = OffsetDateTime.parse(want.get("published_at").asText()).toInstant()
                            .plus(ChronoUnit.SECONDS.between(Fixtures.CRAWLED_AT,
                                    got.crawledAt().truncatedTo(ChronoUnit.SECONDS)), ChronoUnit.SECONDS);
                    want.put("published_at", shifted.toString());
                }
                Fixtures.assertRecords("card " + i, Fixtures.JSON.createArrayNode().add(want), List.of(got.payload()));
                assertEquals(site.baseUrl() + "/app/news", got.url(), "the envelope's url is the request");
            }
        }
    }
}
