package org.picu.worker.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordKind;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.CrawledRecord;
import org.picu.worker.spider.Spider;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.SpoolCapacity;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.spool.SpoolWriter;

/**
 * A stop that comes while the spool is full ends the wait, and the records the run already fetched are
 * stored past the cap (the system proof lost a ticker answer of ten records when the daemon was stopped
 * during such a pause).
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
                public CrawlResult crawl(org.picu.worker.fetch.Fetcher fetcher,
                        org.picu.worker.spider.RecordSink sink) throws java.io.IOException {
                    for (int i = 0; i < 10; i++) {
                        ObjectNode payload = EnvelopeCodec.newPayload();
                        payload.put("symbol", "S" + i);
                        sink.accept(new CrawledRecord(RecordKind.MARKET_TICK, "https://api.upbit.com/v1/ticker", T, payload));
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
            lines = files.filter(p -> p.getFileName().toString().startsWith("upbit.w1.") && p.toString().endsWith(".jsonl"))
                    .mapToLong(CrawlRunTest::lines).sum();
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
}
