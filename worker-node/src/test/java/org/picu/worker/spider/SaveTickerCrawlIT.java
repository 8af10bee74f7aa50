package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.RecordEnvelope;
import org.picu.testkit.replay.ReplayServer;

/** {@code crawl saveticker} over the recorded news API, into a spool: one record per item with its full text. */
class SaveTickerCrawlIT {
    @TempDir
    Path dir;

    @Test
    void top_stories_and_list_pages_become_one_record_per_item_from_its_detail() throws Exception {
        try (ReplayServer site = ReplayServer.start("saveticker")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "saveticker", """
                saveticker:
                  api-url: "%s"
                  page-size: 3
                """.formatted(site.baseUrl()));

            // Six items (161415 is both a top story and on list page 1); 161402's detail is gone (404).
            assertEquals("crawl saveticker: 5 records written, 1 rejected, 1 file rolled", result.summary());
            assertEquals(List.of("/api/news/top-stories", "/api/news/list?page=1&page_size=3&sort=created_at_desc",
                    "/api/news/list?page=2&page_size=3&sort=created_at_desc", "/api/news/detail/161424",
                    "/api/news/detail/161415", "/api/news/detail/161167", "/api/news/detail/161410",
                    "/api/news/detail/161402", "/api/news/detail/161398"), site.requestedPaths());
            List<String> ids = List.of("161424", "161415", "161167", "161410", "161398");
            for (int i = 0; i < ids.size(); i++) {
                RecordEnvelope got = result.records().get(i);
                Fixtures.assertRecords(
                        ids.get(i),
                        Fixtures.expected("saveticker", "detail_" + ids.get(i)).get("records"),
                        List.of(got.payload()));
                assertEquals(
                        site.baseUrl() + "/api/news/detail/" + ids.get(i),
                        got.url(),
                        "the envelope's url is the request");
            }
        }
    }

    @Test
    void a_retired_list_is_counted_and_the_top_stories_are_still_written() throws Exception {
        try (ReplayServer site = ReplayServer.start("saveticker-retired")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "saveticker", """
                saveticker:
                  api-url: "%s"
                  max-pages: 3
                """.formatted(site.baseUrl()));

            assertEquals("crawl saveticker: 3 records written, 1 rejected, 1 file rolled", result.summary());
            assertEquals(1, site.requestCount("/api/news/list"), "a gone list is asked once per run");
            assertEquals(List.of("161424", "161415", "161167"),
                    result.records().stream().map(r -> r.payload().get("item_id").asText()).toList());
        }
    }

    @Test
    void max_items_bounds_the_detail_requests() throws Exception {
        try (ReplayServer site = ReplayServer.start("saveticker")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "saveticker", """
                saveticker:
                  api-url: "%s"
                  max-pages: 0
                  max-items: 2
                """.formatted(site.baseUrl()));

            assertEquals("crawl saveticker: 2 records written, 0 rejected, 1 file rolled", result.summary());
            assertEquals(0, site.requestCount("/api/news/list"));
            assertEquals(2, site.requestedPaths().stream().filter(p -> p.startsWith("/api/news/detail/")).count());
        }
    }

    @Test
    void a_challenge_mid_run_ends_the_run_with_that_outcome_and_keeps_what_was_written() throws Exception {
        try (ReplayServer site = ReplayServer.start("saveticker-challenged")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "saveticker", """
                saveticker:
                  api-url: "%s"
                  max-pages: 0
                """.formatted(site.baseUrl()));

            assertEquals(
                    "crawl saveticker: 1 records written, 1 rejected, 1 file rolled; stopped: blocked_by_challenge",
                    result.summary());
            assertEquals(List.of("/api/news/top-stories", "/api/news/detail/161424", "/api/news/detail/161415"),
                    site.requestedPaths(), "nothing is asked after the challenge");
            assertEquals("161424", result.records().get(0).payload().get("item_id").asText());
        }
    }
}
