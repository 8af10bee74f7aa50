package org.picu.master.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;

/**
 * Compaction on the local file system, which the demo and standalone mode use: its checksum files travel with
 * every rename and never show up as raw files.
 */
class RawCompactorLocalTest {
    private static final PartitionDate DAY = PartitionDate.parse("20261206");

    @Test
    void compacts_and_deletes_on_the_local_file_system_like_on_hdfs() throws IOException {
        Path dir = Path.of("target", "test-data", "compactor-local").toAbsolutePath();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        HdfsLayout layout = new HdfsLayout(dir.toUri().toString());
        FileSystem fs = new org.apache.hadoop.fs.Path(layout.root()).getFileSystem(new Configuration());
        RawDay raw = new RawDay(fs, layout, DAY);
        raw.upload("w1", 0, 2, Instant.parse("2026-12-06T10:01:00Z"));
        raw.upload("w1", 2, 2, Instant.parse("2026-12-06T10:31:00Z"));
        raw.upload("w1", 4, 2, Instant.parse("2026-12-06T11:01:00Z"));
        SetClock clock = new SetClock(Instant.parse("2026-12-06T11:15:00Z"));
        RawCompactor compactor = new RawCompactor(
                fs, layout, Duration.ofMinutes(10), Duration.ofMinutes(30), "test", clock, CompactionFaults.NONE);

        compactor.compact(List.of(DAY));
        assertEquals(raw.shipped(), raw.readable());
        clock.set(Instant.parse("2026-12-06T12:30:00Z"));
        compactor.compact(List.of(DAY));

        assertEquals(
                List.of("_compacted.000001.json", "upbit.w1.000000000004-000000000005.jsonl", "upbit.w1.h10.v1.jsonl"),
                raw.names().stream().filter(n -> !n.endsWith(".crc")).toList(),
                "hour 11 holds one file: left alone");
        assertEquals(raw.shipped(), raw.readable());
        try (var files = Files.list(dir.resolve("raw/upbit/20261206"))) {
            assertEquals(
                    List.of(),
                    files.map(p -> p.getFileName().toString())
                            .filter(n ->
                                    n.matches("\\..*\\.compacting(\\.crc)?|\\.upbit\\.w1\\.00000000000[02]-.*\\.crc"))
                            .toList(),
                    "no temporary files, no checksum files of deleted ones");
        }
    }
}
