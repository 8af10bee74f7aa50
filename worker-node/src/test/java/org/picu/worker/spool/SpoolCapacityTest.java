package org.picu.worker.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordKind;

/** The spool size cap pauses crawling and resumes it when uploads free space; nothing is deleted for room. */
class SpoolCapacityTest {
    private static final Instant T = Instant.parse("2026-11-21T03:04:05Z");

    @TempDir
    Path spool;

    @Test
    void at_the_cap_the_crawl_waits_and_resumes_once_an_upload_marks_files_shipped() throws Exception {
        List<Path> files = write(40);
        long size = Files.size(files.get(0));
        SpoolDirectory dir = new SpoolDirectory(spool);
        SpoolCapacity capacity = new SpoolCapacity(dir, size, Duration.ofMillis(50));
        assertTrue(capacity.full());

        AtomicBoolean resumed = new AtomicBoolean();
        Thread crawl = new Thread(() -> {
            try {
                resumed.set(capacity.awaitRoom(() -> false));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        crawl.start();
        crawl.join(1500);
        assertTrue(crawl.isAlive(), "paused while the spool is full");

        dir.markUploaded(dir.pendingFiles().get(0)); // what an upload does
        crawl.join(5000);

        assertFalse(crawl.isAlive());
        assertTrue(resumed.get());
        assertEquals(1, Files.list(files.get(0).getParent()).count(), "the file was shipped, not deleted");
    }

    @Test
    void a_stop_while_waiting_ends_the_wait_without_room() throws Exception {
        write(10);
        SpoolCapacity capacity = new SpoolCapacity(new SpoolDirectory(spool), 1, Duration.ofMillis(20));

        assertFalse(capacity.awaitRoom(() -> true));
    }

    private List<Path> write(int records) throws Exception {
        try (SpoolWriter writer = SpoolWriter.open(spool, "upbit", "w1", 1L << 24, Duration.ofHours(1),
                Clock.fixed(T, ZoneOffset.UTC))) {
            for (int i = 0; i < records; i++) {
                ObjectNode payload = EnvelopeCodec.newPayload();
                payload.put("symbol", "BTC");
                writer.append(RecordKind.MARKET_TICK, T, "https://api.upbit.com/v1/ticker", payload);
            }
            writer.roll();
            return writer.rolledFiles();
        }
    }
}
