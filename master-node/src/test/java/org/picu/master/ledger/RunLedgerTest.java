package org.picu.master.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;

class RunLedgerTest {
    @TempDir
    Path dir;

    @Test
    void records_round_trip_sorted_by_start_and_leave_no_temporary_files() throws Exception {
        HdfsLayout layout = new HdfsLayout(dir.toUri().toString());
        FileSystem fs = new org.apache.hadoop.fs.Path(layout.root()).getFileSystem(new Configuration());
        RunLedger ledger = new RunLedger(fs, layout);
        RunRecord failed = new RunRecord("market_ticks", "20261101", "r1", "clean-market", "m", RunState.FAILED, 3,
                Instant.parse("2026-11-01T10:00:00Z"), Duration.ofSeconds(90), Map.of(), null, "exit code 1");
        RunRecord ok = new RunRecord("market_ticks", "20261101", "r2", "clean-market", "m", RunState.SUCCEEDED, 1,
                Instant.parse("2026-11-01T11:00:00Z"), Duration.ofSeconds(20), Map.of("records", 7L), "p1", null);

        ledger.record(ok);
        ledger.record(failed);

        PartitionDate day = PartitionDate.parse("20261101");
        assertEquals(java.util.List.of(failed, ok), ledger.runs(Dataset.MARKET_TICKS, day));
        assertEquals(ok, ledger.latest(Dataset.MARKET_TICKS, day).orElseThrow());
        assertEquals(2, ledger.recentRuns(Dataset.MARKET_TICKS, 7).size());
        try (var files = Files.list(dir.resolve("ledger/market_ticks/20261101"))) {
            assertEquals(java.util.List.of("r1.json", "r2.json"),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList());
        }
        assertEquals(Instant.parse("2026-11-01T10:01:30Z"), failed.endedAt());
    }

    @Test
    void days_before_the_retention_are_deleted_for_every_dataset() throws Exception {
        HdfsLayout layout = new HdfsLayout(dir.toUri().toString());
        FileSystem fs = new org.apache.hadoop.fs.Path(layout.root()).getFileSystem(new Configuration());
        RunLedger ledger = new RunLedger(fs, layout);
        for (String[] run : new String[][] {
            {"market_ticks", "20261001"},
            {"market_ticks", "20261102"},
            {"candles_1h", "20261030"},
            {"candles_1h", "20261101"}
        }) {
            ledger.record(new RunRecord(
                    run[0],
                    run[1],
                    "20261102T120000Z-00000" + run[1].charAt(7),
                    "j",
                    "m",
                    RunState.SUCCEEDED,
                    1,
                    Instant.parse("2026-11-02T12:00:00Z"),
                    Duration.ofSeconds(1),
                    Map.of(),
                    "p",
                    null));
        }

        assertEquals(2, ledger.deleteBefore(PartitionDate.parse("20261101")));

        assertTrue(ledger.runs(Dataset.MARKET_TICKS, PartitionDate.parse("20261001")).isEmpty());
        assertTrue(ledger.runs(Dataset.CANDLES_1H, PartitionDate.parse("20261030")).isEmpty());
        assertEquals(1, ledger.runs(Dataset.MARKET_TICKS, PartitionDate.parse("20261102")).size());
        assertEquals(1, ledger.runs(Dataset.CANDLES_1H, PartitionDate.parse("20261101")).size());
        assertEquals(0, ledger.deleteBefore(PartitionDate.parse("20261101")), "nothing left to delete");
    }
}
