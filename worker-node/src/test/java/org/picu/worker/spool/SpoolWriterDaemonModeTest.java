package org.picu.worker.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordKind;
import org.picu.model.layout.RawFileName;

/**
 * In daemon mode one writer serves every source across crawl runs: each source keeps one open file that
 * rolls on age, so a source gives at most one file per roll-age, however often it is crawled. Regression for the
 * original's one HDFS file per batch of 100 items, which filled the NameNode with small files.
 */
class SpoolWriterDaemonModeTest {
    private static final Instant START = Instant.parse("2026-11-21T03:00:00Z");

    @TempDir
    Path spool;

    @Test
    void many_runs_within_an_hour_give_one_file_per_source_rolled_by_age() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (SpoolWriter writer = SpoolWriter.open(spool, "w1", 16L << 20, Duration.ofHours(1), clock)) {
            for (int run = 0; run < 12; run++) { // every five minutes
                writer.append("upbit", RecordKind.MARKET_TICK, clock.instant(), "u", payload());
                writer.append("fear_greed", RecordKind.FEAR_GREED, clock.instant(), "f", payload());
                writer.rollDue();
                clock.advance(Duration.ofMinutes(5));
            }
            assertTrue(writer.rolledFiles().isEmpty(), "nothing rolled before the hour: " + writer.rolledFiles());

            writer.rollDue(); // 03:60 = one hour after the files were opened

            List<Path> rolled = writer.rolledFiles();
            assertEquals(2, rolled.size(), rolled.toString());
            RawFileName upbit = RawFileName.parse(rolled.get(0).getFileName().toString());
            RawFileName fearGreed = RawFileName.parse(rolled.get(1).getFileName().toString());
            assertEquals("upbit", upbit.source());
            assertEquals("fear_greed", fearGreed.source());
            assertEquals(0, upbit.firstSeq(), "sequence numbers are per worker, shared by the sources");
            assertEquals(22, upbit.lastSeq());
            assertEquals(1, fearGreed.firstSeq());
            assertEquals(23, fearGreed.lastSeq());
        }
    }

    @Test
    void a_quiet_source_still_rolls_when_the_utc_day_changes() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T23:50:00Z"));
        try (SpoolWriter writer = SpoolWriter.open(spool, "w1", 16L << 20, Duration.ofHours(1), clock)) {
            writer.append("upbit", RecordKind.MARKET_TICK, clock.instant(), "u", payload());
            clock.advance(Duration.ofMinutes(15));

            writer.rollDue();

            assertEquals(1, writer.rolledFiles().size());
            assertTrue(writer.rolledFiles().get(0).toString().contains("20261121"));
        }
    }

    @Test
    void sync_makes_every_appended_record_survive_a_crash_without_rolling() throws Exception {
        MutableClock clock = new MutableClock(START);
        SpoolWriter writer = SpoolWriter.open(spool, "w1", 16L << 20, Duration.ofHours(1), clock);
        writer.append("upbit", RecordKind.MARKET_TICK, clock.instant(), "u", payload());
        writer.append("upbit", RecordKind.MARKET_TICK, clock.instant(), "u", payload());
        writer.sync();
        Path tmp = spool.resolve("20261121").resolve(SpoolFileNames.tmpName("upbit", "w1", 0));

        List<String> onDisk = java.nio.file.Files.readAllLines(tmp);

        assertEquals(2, onDisk.size(), "both records are on disk although the file is still open");
        assertTrue(writer.rolledFiles().isEmpty());
        writer.close();
    }

    private static ObjectNode payload() {
        ObjectNode payload = EnvelopeCodec.newPayload();
        payload.put("value", 1);
        return payload;
    }
}
