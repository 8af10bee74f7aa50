package org.picu.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.fetch.Fetcher;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.CrawledRecord;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.Spiders;

/**
 * The proof's live Coinness and SaveTicker sites read by the worker's real spiders, configured as the proof
 * configures them: every record written is one the site logged as served, under the same natural key, and the
 * malformed headlines the site serves reach the spool for the cleaning job to reject.
 */
class LiveNewsSitesIT {
    @TempDir
    Path dir;

    @Test
    void the_spiders_read_what_the_live_news_sites_serve() throws Exception {
        Path servedLog = dir.resolve("served.log");
        try (LiveSite site = LiveSite.start(List.of("BTC"), servedLog)) {
            WorkerConfig config = WorkerConfigLoader.load(Files.writeString(dir.resolve("worker.yml"), """
                worker:
                  id: w1
                spool:
                  dir: %s
                hdfs:
                  uri: "file:///picu-not-used"
                fetch:
                  user-agent: "PICU-crawler/0.1 (test; worker w1)"
                  host-delay: PT0S
                  host-jitter: PT0S
                sources:
                  coinness:
                    api-url: %s%s
                    page-size: %d
                    max-pages: 1
                  saveticker:
                    api-url: %s/saveticker
                    max-pages: 1
                """.formatted(
                            dir.resolve("spool"),
                            site.baseUrl(),
                            LiveCoinness.PATH,
                            LiveCoinness.NEW_PER_LIST + LiveCoinness.RELISTED,
                            site.baseUrl())));
            List<CrawledRecord> records = new ArrayList<>();
            List<CrawlResult> results = new ArrayList<>();
            for (int run = 0; run < 10; run++) {
                for (String source : List.of("coinness", "saveticker")) {
                    Spider spider = Spiders.create(source, config).orElseThrow();
                    results.add(spider.crawl(new Fetcher(config.fetch()), records::add));
                }
            }

            ServedLog served = ServedLog.read(servedLog);
            for (String source : List.of("coinness", "saveticker")) {
                Set<String> servedKeys = served.of(List.of(source)).stream().map(ServedLog.Served::key)
                        .collect(Collectors.toSet());
                Set<String> written = new HashSet<>();
                records.stream().filter(r -> r.payload().get("url").asText().contains(source + ".com/news/"))
                        .forEach(r -> written.add(NaturalKeys.newsByUrl(r.payload().get("url").asText())));
                assertEquals(servedKeys, written, source + ": the records written are the records served");
                long bad = served.of(List.of(source)).stream()
                        .filter(s -> !s.ok())
                        .map(ServedLog.Served::key)
                        .distinct()
                        .count();
                assertTrue(bad > 0, source + " served no malformed headline in ten runs");
            }
            assertEquals(20, results.size());
            for (int i = 0; i < results.size(); i++) {
                List<String> reasons = results.get(i).rejections().stream().map(r -> r.reason()).toList();
                // coinness answers cleanly; saveticker's list is retired, which every run counts once
                assertEquals(i % 2 == 0 ? List.of() : List.of("endpoint_gone"), reasons, "run " + i);
            }
        }
    }
}
