package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.RecordKind;
import org.picu.testkit.replay.ReplayServer;

/** {@code crawl coinness} over the recorded list pages and articles, into a spool. */
class CoinnessCrawlIT {
    @TempDir
    Path dir;

    @Test
    void listPagesLeadToOneRecordPerReadableArticle() throws Exception {
        try (ReplayServer site = ReplayServer.start("coinness")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "coinness", """
                    coinness:
                      start-url: "%s/news"
                      max-pages: 3
                    """.formatted(site.baseUrl()));

            // 5 articles listed on 2 pages: 2 readable, 1 without text, 1 with an unreadable date, 1 gone (404);
            // plus the ad entry without a link. None of them stops the crawl.
            assertEquals("crawl coinness: 2 records written, 4 rejected, 1 file rolled", result.summary());
            assertEquals(List.of("/news", "/news?page=2", "/news/118204", "/news/118199", "/news/118190",
                    "/news/118175", "/news/118100"),
                    site.requestedPaths().stream().filter(p -> !p.startsWith("/robots")).toList());
            assertEquals(List.of(site.baseUrl() + "/news/118204", site.baseUrl() + "/news/118199"),
                    result.records().stream().map(r -> r.url()).toList());
            for (int i = 0; i < 2; i++) {
                String fixtureCase = i == 0 ? "article_normal" : "article_truncated";
                ObjectNode want = ((ObjectNode) Fixtures.expected("coinness", fixtureCase).get("records").get(0)).deepCopy();
                want.put("url", result.records().get(i).url());
                assertEquals(RecordKind.NEWS, result.records().get(i).kind());
                Fixtures.assertRecords(fixtureCase, Fixtures.JSON.createArrayNode().add(want),
                        List.of(result.records().get(i).payload()));
            }
        }
    }

    @Test
    void paginationStopsAtMaxPages() throws Exception {
        try (ReplayServer site = ReplayServer.start("coinness")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "coinness", """
                    coinness:
                      start-url: "%s/news"
                      max-pages: 1
                      max-articles: 1
                    """.formatted(site.baseUrl()));

            assertEquals(0, site.requestCount("/news?page=2"));
            assertEquals(1, result.records().size());
            JsonNode content = result.records().get(0).payload().get("content");
            assertTrue(content.asText().startsWith("비트코인(BTC)이"), content.asText());
        }
    }
}
