package org.picu.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.demo.replay.DemoSites;
import org.picu.demo.replay.SiteClock;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.spool.CrawlLedger;

/**
 * The history crawl with the worker's own code against the replay sites: records carry the past crawl times the
 * clock stood at, the sites answered as of then, every source gives records and none is rejected, the spool holds
 * one file per source and UTC day, and a second crawl of the same span finds nothing left to do.
 */
class HistoryCrawlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void crawls_each_source_at_past_instants_into_one_spool_file_per_source_and_day() throws Exception {
        Instant from = Instant.parse("2026-11-20T22:00:00Z");
        Instant to = Instant.parse("2026-11-21T02:00:00Z");
        SiteClock clock = new SiteClock();
        try (DemoSites sites = DemoSites.start(clock, 17)) {
            WorkerConfig worker = config(sites.baseUrl());
            HistoryCrawl.Report report =
                    HistoryCrawl.crawl(worker, clock, LocalDemo.HISTORY_CADENCE, from, to, Map.of());

            assertEquals(13, report.runs().get("upbit"), "every 20 min for 4 hours, and at the end");
            LocalDemo.HISTORY_CADENCE.keySet().forEach(source -> {
                assertTrue(report.records().get(source) > 0, source + " gave records: " + report.summary());
                assertEquals(0, report.rejected().get(source), source + ": " + report.summary());
                assertEquals(0, report.failedRuns().get(source), source + ": " + report.summary());
            });
            assertEquals(130, report.records().get("upbit"), "ten symbols per run");

            List<Path> files;
            try (Stream<Path> walk = Files.walk(work.resolve("spool"))) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
            TreeSet<String> names = new TreeSet<>();
            files.forEach(f -> names.add(f.getParent().getFileName() + "/"
                    + f.getFileName().toString().split("\\.")[0]));
            // runs on multiples of the cadence: Fear & Greed (6 h) and Perplexity (3 h) only at 00:00
            // runs on multiples of the cadence: SaveTicker and the demo wire (2 h) at 22:00 and 00:00
            assertEquals(new TreeSet<>(List.of("20261120/coinness", "20261120/demowire", "20261120/saveticker",
                    "20261120/upbit", "20261121/coinness", "20261121/demowire", "20261121/fear_greed",
                    "20261121/perplexity", "20261121/saveticker", "20261121/upbit")), names,
                    "one file per source and UTC day: " + files);

            List<JsonNode> ticks = new ArrayList<>();
            for (Path file : files) {
                if (file.getFileName().toString().startsWith("upbit")) {
                    for (String line : Files.readAllLines(file)) {
                        ticks.add(JSON.readTree(line));
                    }
                }
            }
            assertEquals(130, ticks.size());
            for (JsonNode tick : ticks) {
                Instant crawled = Instant.parse(tick.get("crawled_at").asText());
                assertTrue(!crawled.isBefore(from) && !crawled.isAfter(to), "a past crawl time: " + crawled);
                assertEquals(0, crawled.getEpochSecond() % 1200, "on the 20-minute grid: " + crawled);
                assertEquals(crawled, Instant.parse(tick.get("payload").get("timestamp").asText()),
                        "the site answered as of the crawl time");
            }
            assertEquals(
                    Instant.parse("2026-11-21T02:00:00Z"),
                    new CrawlLedger(work.resolve("spool")).lastSuccess().get("upbit"));

            HistoryCrawl.Report again = HistoryCrawl.crawl(worker, clock, LocalDemo.HISTORY_CADENCE, from, to,
                    new CrawlLedger(work.resolve("spool")).lastSuccess());
            assertEquals(0, again.totalRuns(), "nothing left to crawl: " + again.summary());
        }
    }

    @Test
    void the_history_is_at_least_48_hours_over_three_utc_days() {
        assertEquals(
                Instant.parse("2026-11-19T17:00:00Z"), LocalDemo.historyStart(Instant.parse("2026-11-21T19:06:30Z")));
        assertEquals(
                Instant.parse("2026-11-19T00:00:00Z"), LocalDemo.historyStart(Instant.parse("2026-11-21T00:30:00Z")));
        assertEquals(
                Instant.parse("2026-11-19T21:00:00Z"), LocalDemo.historyStart(Instant.parse("2026-11-21T23:59:59Z")));
    }

    @Test
    void the_sites_answer_the_same_for_the_same_instant() throws Exception {
        SiteClock clock = new SiteClock();
        clock.set(Instant.parse("2026-11-21T03:04:05Z"));
        try (DemoSites one = DemoSites.start(clock, 17); DemoSites two = DemoSites.start(clock, 17)) {
            for (String path : List.of("/v1/ticker?markets=KRW-BTC,KRW-ETH", "/fng/?limit=5", "/wire/latest?page=1",
                    "/feed/v1/breaking-news?languageCode=ko&limit=5", "/api/news/top-stories", "/finance/crypto")) {
                assertEquals(get(one.baseUrl() + path), get(two.baseUrl() + path), path);
            }
            String now = get(one.baseUrl() + "/v1/ticker?markets=KRW-BTC");
            clock.set(Instant.parse("2026-11-21T03:04:05Z").plus(Duration.ofMinutes(1)));
            assertTrue(!now.equals(get(one.baseUrl() + "/v1/ticker?markets=KRW-BTC")), "a minute later, a new ticker");
        }
    }

    private WorkerConfig config(String base) throws Exception {
        Path file = work.resolve("worker.yml");
        Files.writeString(file, """
            worker:
              id: test-worker
            spool:
              dir: %s
            hdfs:
              uri: file:///unused
            """.formatted(work.resolve("spool")) + LocalDemo.workerSettings(base));
        return WorkerConfigLoader.load(file);
    }

    private static String get(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
