package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.testkit.replay.ReplayServer;

/** {@code crawl coinness} over the recorded breaking-news feed, into a spool. */
class CoinnessCrawlIT {
    @TempDir
    Path dir;

    @Test
    void pages_follow_the_last_item_and_every_item_is_written_once() throws Exception {
        try (ReplayServer site = ReplayServer.start("coinness")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "coinness", """
                    coinness:
                      api-url: "%s/feed/v1/breaking-news"
                      page-size: 4
                      max-pages: 3
                    """.formatted(site.baseUrl()));

            // Page 1: four items. Page 2 (asked with page 1's last item): that item again, one new one and one
            // with an unreadable time. Page 2 is short, so there is no third request. (The log shows the query
            // decoded; the page-2 route only matches lastAt sent URL-encoded.)
            assertEquals("crawl coinness: 5 records written, 1 rejected, 1 file rolled", result.summary());
            assertEquals(List.of("/feed/v1/breaking-news?languageCode=ko&limit=4",
                    "/feed/v1/breaking-news?languageCode=ko&limit=4&lastId=1182035&lastAt=2026-11-21T11:40:12+09:00"),
                    site.requestedPaths());
            JsonNode page1 = Fixtures.expected("coinness", "feed_normal").get("records");
            for (int i = 0; i < page1.size(); i++) {
                RecordEnvelope got = result.records().get(i);
                assertEquals(RecordKind.NEWS, got.kind());
                assertEquals(site.baseUrl() + "/feed/v1/breaking-news?languageCode=ko&limit=4", got.url(),
                        "the envelope's url is the request");
                Fixtures.assertRecords("item " + i, Fixtures.JSON.createArrayNode().add(page1.get(i)),
                        List.of(got.payload()));
            }
            JsonNode last = result.records().get(4).payload();
            assertEquals("1182031", last.get("item_id").asText());
            assertEquals("https://coinness.com/news/1182031", last.get("url").asText());
            assertEquals("2026-11-21T02:31:02Z", last.get("published_at").asText());
        }
    }

    @Test
    void a_run_is_bounded_by_max_pages_and_max_items() throws Exception {
        try (ReplayServer site = ReplayServer.start("coinness")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "coinness", """
                    coinness:
                      api-url: "%s/feed/v1/breaking-news"
                      page-size: 4
                      max-pages: 1
                      max-items: 2
                    """.formatted(site.baseUrl()));

            assertEquals("crawl coinness: 2 records written, 0 rejected, 1 file rolled", result.summary());
            assertEquals(1, site.requestCount("/feed/v1/breaking-news"));
            assertEquals(List.of("1182041", "1182040"),
                    result.records().stream().map(r -> r.payload().get("item_id").asText()).toList());
        }
    }
}
