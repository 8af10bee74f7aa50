package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.RecordKind;
import org.picu.testkit.replay.ReplayServer;

/** {@code crawl fear_greed} against the recorded alternative.me API and page, into a spool. */
class FearGreedCrawlIT {
    @TempDir
    Path dir;

    @Test
    void the_api_answer_becomes_one_record_per_day() throws Exception {
        try (ReplayServer site = ReplayServer.start("fear_greed")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "fear_greed", """
                    fear_greed:
                      api-url: "%s/fng/"
                      page-url: "%s/crypto/fear-and-greed-index/"
                      limit: 3
                    """.formatted(site.baseUrl(), site.baseUrl()));

            assertEquals(3, result.records().size(), result.summary());
            result.records().forEach(r -> {
                assertEquals("fear_greed", r.source());
                assertEquals(RecordKind.FEAR_GREED, r.kind());
                assertEquals(site.baseUrl() + "/fng/?limit=3", r.url());
            });
            Fixtures.assertRecords("crawl fear_greed", Fixtures.expected("fear_greed", "api_normal").get("records"),
                    result.records().stream().map(r -> r.payload()).toList());
            assertEquals(0, site.requestCount("/crypto/fear-and-greed-index/"), "no fallback when the API works");
        }
    }

    @Test
    void an_api_without_data_falls_back_to_the_index_page() throws Exception {
        try (ReplayServer site = ReplayServer.start("fear_greed")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "fear_greed", """
                    fear_greed:
                      api-url: "%s/empty/fng/"
                      page-url: "%s/crypto/fear-and-greed-index/"
                    """.formatted(site.baseUrl(), site.baseUrl()));

            assertEquals(1, result.records().size(), result.summary());
            assertEquals(72, result.records().get(0).payload().get("value").asInt());
            assertEquals("html", result.records().get(0).payload().get("via").asText());
            assertEquals(site.baseUrl() + "/crypto/fear-and-greed-index/", result.records().get(0).url());
            assertEquals(true, result.summary().contains("1 records written, 1 rejected"), result.summary());
        }
    }
}
