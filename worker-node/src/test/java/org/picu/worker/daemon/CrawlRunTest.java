package org.picu.worker.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordKind;
import org.picu.model.layout.SourceRuns;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.CrawledRecord;
import org.picu.worker.spider.Rejection;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.SpiderException;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.CrawlRunRecord;
import org.picu.worker.spool.MutableClock;
import org.picu.worker.spool.SpoolCapacity;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.spool.SpoolWriter;

/**
 * A stop that comes while the spool is full ends the wait, and the records the run already fetched are
 * stored past the cap (the system proof lost a ticker answer of ten records when the daemon was stopped
 * during such a pause). Every run lands in the ledger with its records, rejects by reason and failure reason.
 */
class CrawlRunTest {
    private static final Instant T = Instant.parse("2026-11-21T03:04:05Z");

    @TempDir
    Path spool;

    @Test
    void a_stop_during_a_full_spool_pause_stores_the_records_in_hand() throws Exception {
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        try (SpoolWriter writer = SpoolWriter.open(spool, "upbit", "w1", 1L << 24, Duration.ofHours(1), clock)) {
            Spider tenTickers = new Spider() {
                @Override
                public String name() {
                    return "upbit";
                }

                @Override
                public CrawlResult crawl(org.picu.worker.fetch.Fetcher fetcher, org.picu.worker.spider.RecordSink sink)
                        throws java.io.IOException {
                    for (int i = 0; i < 10; i++) {
                        ObjectNode payload = EnvelopeCodec.newPayload();
                        payload.put("symbol", "S" + i);
                        sink.accept(new CrawledRecord(
                                RecordKind.MARKET_TICK, "https://api.upbit.com/v1/ticker", T, payload));
                    }
                    return new CrawlResult(10, List.of());
                }
            };
            CrawlLedger ledger = new CrawlLedger(spool);
            // a cap of one byte: room while the spool is empty, full as soon as a file waits for upload
            new CrawlRun(writer, capacity(), ledger, clock).run(tenTickers, null, () -> false);
            writer.roll();
            SpoolCapacity full = capacity();
            assertTrue(full.full());

            new CrawlRun(writer, full, ledger, clock).run(tenTickers, null, () -> true); // and the daemon is stopping
            writer.roll();
        }
        long lines;
        try (Stream<Path> files = Files.walk(spool)) {
            lines = files.filter(p -> p.getFileName().toString().startsWith("upbit.w1.")
                            && p.toString().endsWith(".jsonl"))
                    .mapToLong(CrawlRunTest::lines)
                    .sum();
        }
        assertEquals(20, lines, "both runs' records are in the spool");
    }

    private SpoolCapacity capacity() {
        return new SpoolCapacity(new SpoolDirectory(spool), 1, Duration.ofMillis(10));
    }

    private static long lines(Path file) {
        try (Stream<String> l = Files.lines(file)) {
            return l.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void every_run_is_recorded_with_rejects_by_reason_and_a_failure_reason() throws Exception {
        MutableClock clock = new MutableClock(T);
        CrawlLedger ledger = new CrawlLedger(spool);
        try (SpoolWriter writer = SpoolWriter.open(spool, "perplexity", "w1", 1L << 24, Duration.ofHours(1), clock)) {
            CrawlRun run = new CrawlRun(writer, new SpoolCapacity(new SpoolDirectory(spool), 1L << 30,
                    Duration.ofMillis(10)), ledger, clock);
            // 1: two records and one bad item: a success
            run.run(spider("perplexity", 2, List.of(new Rejection("missing_field", "no title"))), null, () -> false);
            clock.advance(Duration.ofMinutes(1));
            // 2: nothing written, every item rejected: the source gave nothing, so the run failed with the top reason
            run.run(spider("perplexity", 0, List.of(new Rejection("blocked_by_challenge", "cf-mitigated: challenge"),
                    new Rejection("blocked_by_challenge", "again"), new Rejection("no_content", "empty main"))), null,
                    () -> false);
            clock.advance(Duration.ofMinutes(1));
            // 2b: a site stopped the run half-way (a ban): records were written, yet the run failed with that reason
            run.run(spider("perplexity", 3, List.of(new Rejection("missing_field", "no title"),
                    new Rejection(Rejection.HTTP_418, "banned"))), null, () -> false);
            clock.advance(Duration.ofMinutes(1));
            // 3: an error ends the run: its status is the reason, and the error still reaches the caller
            FetchException banned = assertThrows(FetchException.class, () -> run.run(failing("perplexity",
                    new FetchException(URI.create("https://api.upbit.com/v1/ticker"), 418, "IP banned")), null,
                    () -> false));
            assertEquals(418, banned.status());
            clock.advance(Duration.ofMinutes(1));
            assertThrows(
                    SpiderException.class,
                    () -> run.run(
                            failing(
                                    "perplexity",
                                    new SpiderException(URI.create("https://www.perplexity.ai/finance"), "no main")),
                            null,
                            () -> false));
        }
        assertEquals(T, ledger.lastSuccess().get("perplexity"), "only the first run succeeded");
        List<CrawlRunRecord> all = ledger.recentRuns().get("perplexity");
        assertEquals(5, all.size());
        assertEquals("http_418", all.get(2).failureReason());
        assertEquals(3, all.get(2).records());
        List<CrawlRunRecord> runs = new java.util.ArrayList<>(all);
        runs.remove(2);
        assertEquals(null, runs.get(0).failureReason());
        assertEquals("blocked_by_challenge", runs.get(1).failureReason());
        assertEquals("cf-mitigated: challenge", runs.get(1).failureDetail());
        assertEquals(Map.of("blocked_by_challenge", 2L, "no_content", 1L), runs.get(1).rejects());
        assertEquals("http_418", runs.get(2).failureReason());
        assertTrue(runs.get(2).failureDetail().contains("IP banned"), runs.get(2).failureDetail());
        assertEquals("layout_changed", runs.get(3).failureReason());

        SourceRuns summary = ledger.summaries().get("perplexity");
        assertEquals(5, summary.runs());
        assertEquals(4, summary.failedRuns());
        assertEquals(5, summary.records());
        assertEquals(Map.of("missing_field", 2L, "blocked_by_challenge", 2L, "no_content", 1L, "http_418", 1L),
                summary.rejects());
        assertEquals(SourceRuns.FAILED, summary.lastOutcome());
        assertEquals("layout_changed", summary.lastFailureReason());
        assertEquals(T.plus(Duration.ofMinutes(4)), summary.lastFailureAt());
    }

    @Test
    void the_ledger_keeps_the_newest_runs_and_survives_a_damaged_history() throws Exception {
        CrawlLedger ledger = new CrawlLedger(spool);
        for (int i = 0; i < CrawlLedger.KEPT_RUNS + 5; i++) {
            ledger.recordRun("upbit", new CrawlRunRecord(T.plusSeconds(i), T.plusSeconds(i), i, Map.of(), null, null));
        }
        List<CrawlRunRecord> kept = ledger.recentRuns().get("upbit");
        assertEquals(CrawlLedger.KEPT_RUNS, kept.size());
        assertEquals(5, kept.get(0).records(), "the oldest five were dropped");
        assertEquals(T.plusSeconds(CrawlLedger.KEPT_RUNS + 4), ledger.summaries().get("upbit").lastRunAt());

        Files.writeString(spool.resolve(".runs/coinness.json"), "[{\"started_at\": \"yesterday\"}]");
        assertEquals(List.of("upbit"), List.copyOf(ledger.recentRuns().keySet()), "the damaged history is left out");
        ledger.recordRun("coinness", new CrawlRunRecord(T, T, 0, Map.of(), "no_answer", null));
        assertEquals(1, ledger.recentRuns().get("coinness").size(), "and replaced by the next run");
    }

    private static Spider spider(String name, int records, List<Rejection> rejections) {
        return new Spider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CrawlResult crawl(org.picu.worker.fetch.Fetcher fetcher, org.picu.worker.spider.RecordSink sink)
                    throws java.io.IOException {
                for (int i = 0; i < records; i++) {
                    ObjectNode payload = EnvelopeCodec.newPayload();
                    payload.put("title", "t" + i);
                    sink.accept(new CrawledRecord(RecordKind.NEWS, "https://www.perplexity.ai/finance", T, payload));
                }
                return new CrawlResult(records, rejections);
            }
        };
    }

    private static Spider failing(String name, Exception error) {
        return new Spider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CrawlResult crawl(org.picu.worker.fetch.Fetcher fetcher, org.picu.worker.spider.RecordSink sink)
                    throws FetchException, SpiderException {
                if (error instanceof FetchException f) {
                    throw f;
                }
                throw (SpiderException) error;
            }
        };
    }
}
