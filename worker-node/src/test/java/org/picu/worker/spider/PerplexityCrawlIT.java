package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.config.RenderConfig;

/** {@code crawl perplexity} against the recorded finance page and a bot-check answer, into a spool. */
class PerplexityCrawlIT {
    @TempDir
    Path dir;

    @Test
    void one_snapshot_record_per_crawl() throws Exception {
        try (ReplayServer site = ReplayServer.start("perplexity")) {
            String page = site.baseUrl() + "/finance/crypto";
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "perplexity", """
                perplexity:
                  page-url: "%s"
                """.formatted(page));

            assertEquals(1, result.records().size(), result.summary());
            // The expected record was read at the real site's address; only url and the id hashed from it differ.
            ObjectNode want = ((ObjectNode) Fixtures.expected("perplexity", "page_normal")
                            .get("records")
                            .get(0))
                    .deepCopy();
            want.put("url", page);
            want.put("item_id", ContentId.of("pplx", page, want.get("content").asText()));
            Fixtures.assertRecords("crawl perplexity", Fixtures.JSON.createArrayNode().add(want),
                    List.of(result.records().get(0).payload()));
        }
    }

    @Test
    void the_live_sites_bot_check_ends_the_run_as_blocked_by_challenge() throws Exception {
        try (ReplayServer site = ReplayServer.start("perplexity")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "perplexity", """
                perplexity:
                  page-url: "%s/challenge/finance/crypto"
                """.formatted(site.baseUrl()));

            assertEquals(0, result.records().size());
            assertEquals(
                    "crawl perplexity: 0 records written, 1 rejected, 0 files rolled; stopped: blocked_by_challenge",
                    result.summary());
            assertEquals(1, site.requestCount("/challenge/finance/crypto"), "a bot check is not retried");
            assertTrue(Files.readString(dir.resolve("spool").resolve(".host-cooldowns.json"))
                    .contains("blocked_by_challenge"), "the host cools down, also for the next run");
            // The next run (a new process) does not ask the host while it cools down.
            ReplayCrawl.Result next = ReplayCrawl.run(dir, "perplexity", """
                perplexity:
                  page-url: "%s/challenge/finance/crypto"
                """.formatted(site.baseUrl()));
            assertTrue(next.summary().endsWith("stopped: host_cooling_down"), next.summary());
            assertEquals(1, site.requestCount("/challenge/finance/crypto"));
        }
    }

    @Test
    void with_render_true_a_client_rendered_page_is_read_from_the_browsers_dom() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RenderConfig.DEFAULT_CHROMIUM), "/usr/bin/chromium is not installed");
        try (ReplayServer site = ReplayServer.start("render-check")) {
            String page = site.baseUrl() + "/finance/crypto";
            Files.createDirectories(dir.resolve("plain"));
            Files.createDirectories(dir.resolve("rendered"));
            ReplayCrawl.Result plain = ReplayCrawl.run(dir.resolve("plain"), "perplexity", """
                perplexity:
                  page-url: "%s"
                """.formatted(page));
            ReplayCrawl.Result rendered = ReplayCrawl.run(dir.resolve("rendered"), "perplexity", """
                perplexity:
                  page-url: "%s"
                  render: true
                """.formatted(page));

            assertEquals("crawl perplexity: 0 records written, 1 rejected, 0 files rolled", plain.summary(),
                    "the server's shell alone has no content");
            assertEquals(1, rendered.records().size(), rendered.summary());
            String content = rendered.records().get(0).payload().get("content").asText();
            assertTrue(content.startsWith("Crypto Market Summary\nBitcoin traded above $131,000"), content);
            assertEquals("Crypto Market Summary", rendered.records().get(0).payload().get("title").asText());
            assertTrue(content.contains("Solana gained 0.8%"), content);
        }
    }
}
