package org.picu.master.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.picu.jobs.DatasetJob;
import org.picu.jobs.publish.PublishConfigKeys;
import org.picu.master.TestHdfs;
import org.picu.master.config.OrchestratorSettings;
import org.picu.master.config.OrchestratorSettings.RetrySettings;
import org.picu.master.plan.PartitionInspector;
import org.picu.master.plan.Staleness;
import org.picu.master.plan.StalenessCheck;
import org.picu.master.registry.JobCatalog;
import org.picu.master.registry.JobRegistry;
import org.picu.master.run.Mode;
import org.picu.master.run.Orchestrator;
import org.picu.master.run.Outcome;
import org.picu.master.run.PassReport;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/**
 * Compaction on a real HDFS (MiniDFSCluster) with the real clean-market job on the local job runner: the file count
 * of a day stays bounded, and every record is read exactly once before, during and after compaction, also when the
 * compactor dies at any of its steps.
 */
class RawCompactionIT {
    private static final PartitionDate DAY = PartitionDate.parse("20261206");
    private static final Duration AFTER = Duration.ofMinutes(10);
    private static MiniDFSCluster dfs;
    private static FileSystem fs;

    @BeforeAll
    static void startHdfs() throws IOException {
        dfs = TestHdfs.start(Paths.get("target", "minidfs-compaction-it")); // the simulated day writes ~600 files
        fs = dfs.getFileSystem();
    }

    @AfterAll
    static void stopHdfs() {
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    private static HdfsLayout layout(String name) {
        return new HdfsLayout(fs.getUri() + "/" + name);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-06T" + time + ":00Z");
    }

    private static RawCompactor compactor(HdfsLayout layout, SetClock clock, CompactionFaults faults) {
        return new RawCompactor(fs, layout, AFTER, Duration.ofMinutes(30), "it", clock, faults);
    }

    @Test
    void a_day_of_five_minute_files_from_two_workers_ends_as_one_file_per_worker_and_hour() throws IOException {
        HdfsLayout layout = layout("simulated-day");
        RawDay raw = new RawDay(fs, layout, DAY);
        SetClock clock = new SetClock(DAY.start());
        RawCompactor compactor = compactor(layout, clock, CompactionFaults.NONE);
        long seq = 0;
        int files = 0;
        // Every 5 minutes each worker ships a file; the orchestrator's cycle compacts every 10 minutes.
        for (Instant t = DAY.start();
                t.isBefore(DAY.end().plus(Duration.ofMinutes(40)));
                t = t.plus(Duration.ofMinutes(5))) {
            clock.set(t);
            if (t.isBefore(DAY.end())) {
                for (String worker : List.of("w1", "w2")) {
                    raw.upload(worker, seq, 2, t);
                    seq += 2;
                    files++;
                }
            }
            if (t.getEpochSecond() % 600 == 0) {
                compactor.compact(List.of(DAY));
                // At most one file per closed hour, plus the small files of the hours not yet closed and of those
                // compacted less than AFTER ago (their deletion waits for jobs that listed them).
                long open = 12 + 12 + AFTER.toMinutes() / 5;
                long closedHours = Math.min(24, Math.max(0, Duration.between(DAY.start(), t).toHours()));
                for (String worker : List.of("w1", "w2")) {
                    assertTrue(
                            raw.dataFiles(worker) <= closedHours + open,
                            t + ": " + raw.dataFiles(worker) + " files of " + worker);
                }
                if (t.getEpochSecond() % 3600 == 0) {
                    assertEquals(raw.shipped(), raw.readable(), t + ": every shipped line is read exactly once");
                }
            }
        }
        assertEquals(576, files);
        clock.set(DAY.end().plus(Duration.ofHours(1)));
        compactor.compact(List.of(DAY));
        assertEquals(24, raw.dataFiles("w1"));
        assertEquals(24, raw.dataFiles("w2"));
        assertEquals(49, raw.names().size(), "24 files per worker and the index: " + raw.names());
        assertEquals(raw.shipped(), raw.readable());
    }

    @Test
    void cleaned_output_is_the_same_before_and_after_compaction_a_reupload_adds_nothing_and_a_late_file_is_read_once()
            throws Exception {
        HdfsLayout layout = layout("exactly-once");
        RawDay raw = new RawDay(fs, layout, DAY);
        Instant midnight = DAY.end();
        SetClock clock = new SetClock(midnight.plus(Duration.ofMinutes(15)));
        List<String> hour10 = new ArrayList<>();
        long seq = 0;
        for (String hhmm : List.of("10:01", "10:21", "10:41", "11:05", "11:30", "23:10", "23:40")) {
            for (String worker : List.of("w1", "w2")) {
                String name = raw.upload(worker, seq, 3, at(hhmm));
                if (hhmm.startsWith("10") && worker.equals("w1")) {
                    hour10.add(name);
                }
                seq += 3;
            }
        }
        Orchestrator orchestrator = orchestrator(layout, clock);
        List<String> before = cleanedRows(orchestrator, layout);
        assertEquals(raw.shipped().size(), before.size(), "one row per tick");

        RawCompactor compactor = compactor(layout, clock, CompactionFaults.NONE);
        compactor.compact(List.of(DAY));
        assertEquals(Staleness.Verdict.UP_TO_DATE, staleness(layout).verdict(), "compaction is not new data");
        assertTrue(raw.names().containsAll(hour10), "small files stay a while for jobs that listed them");
        assertEquals(before, cleanedRows(orchestrator, layout), "read from compacted files, small ones still there");

        clock.set(midnight.plus(Duration.ofMinutes(25)));
        compactor.compact(List.of(DAY));
        assertFalse(raw.names().contains(hour10.get(0)), "deleted once compacted long enough");
        // A worker that crashed after shipping hour 10's first file ships it again.
        raw.put(
                hour10.get(0),
                String.join(
                                "\n",
                                raw.lines(new Path(raw.dir, "upbit.w1.h10.v1.jsonl"))
                                        .subList(0, 3)) + "\n",
                midnight.plus(Duration.ofMinutes(26)));
        assertEquals(Staleness.Verdict.UP_TO_DATE, staleness(layout).verdict(), "a re-upload is not new data");
        assertEquals(before, cleanedRows(orchestrator, layout));

        // The day's last file ships late, after hour 23 was compacted: it is read at once and folded in later.
        clock.set(midnight.plus(Duration.ofMinutes(31)));
        raw.upload("w1", seq, 3, midnight.plus(Duration.ofMinutes(30)));
        assertEquals("1 new or late raw files", staleness(layout).reason());
        List<String> withLate = cleanedRows(orchestrator, layout);
        assertEquals(raw.shipped().size(), withLate.size());
        assertTrue(withLate.containsAll(before));
        clock.set(midnight.plus(Duration.ofMinutes(45)));
        compactor.compact(List.of(DAY));
        assertTrue(raw.names().contains("upbit.w1.h23.v2.jsonl"), raw.names().toString());
        assertEquals(
                Staleness.Verdict.UP_TO_DATE, staleness(layout).verdict(), "v2 holds v1 and the late file, both read");
        assertEquals(withLate, cleanedRows(orchestrator, layout));
        clock.set(midnight.plus(Duration.ofMinutes(55)));
        compactor.compact(List.of(DAY));
        assertEquals(
                List.of(
                        "_compacted.000002.json",
                        "upbit.w1.h10.v1.jsonl",
                        "upbit.w1.h11.v1.jsonl",
                        "upbit.w1.h23.v2.jsonl",
                        "upbit.w2.h10.v1.jsonl",
                        "upbit.w2.h11.v1.jsonl",
                        "upbit.w2.h23.v1.jsonl"),
                raw.names());
        assertEquals(raw.shipped(), raw.readable());
    }

    /** The compactor dies after each step; jobs in between read every record once, and the next passes finish. */
    @ParameterizedTest
    @EnumSource(CompactionStep.class)
    void a_compactor_killed_after_each_step_leaves_nothing_lost_or_doubled_and_the_next_pass_finishes(
            CompactionStep step) throws Exception {
        HdfsLayout layout = layout("kill-" + step.name().toLowerCase());
        RawDay raw = new RawDay(fs, layout, DAY);
        SetClock clock = new SetClock(at("12:30"));
        long seq = 0;
        for (String hhmm : List.of("10:01", "10:31", "11:01", "11:31")) {
            for (String worker : List.of("w1", "w2")) {
                raw.upload(worker, seq, 2, at(hhmm));
                seq += 2;
            }
        }
        Orchestrator orchestrator = orchestrator(layout, clock);
        List<String> rows = cleanedRows(orchestrator, layout);
        CompactionFaults kill = (at, path) -> {
            if (at == step) {
                throw new Killed(step + " " + path);
            }
        };
        Killed killed = assertThrows(Killed.class, () -> {
            compactor(layout, clock, kill).compact(List.of(DAY));
            clock.set(at("12:30").plus(AFTER));
            compactor(layout, clock, kill).compact(List.of(DAY));
        });
        fs.delete(new Path(layout.compactionLease()), false); // a killed process leaves its lease behind
        assertEquals(raw.shipped(), raw.readable(), "between steps: " + killed.getMessage() + " " + raw.names());
        assertEquals(rows, cleanedRows(orchestrator, layout), "a job between steps");

        clock.set(at("13:00"));
        compactor(layout, clock, CompactionFaults.NONE).compact(List.of(DAY));
        clock.set(at("13:00").plus(AFTER));
        compactor(layout, clock, CompactionFaults.NONE).compact(List.of(DAY));
        assertEquals(
                List.of(
                        "upbit.w1.h10.v1.jsonl",
                        "upbit.w1.h11.v1.jsonl",
                        "upbit.w2.h10.v1.jsonl",
                        "upbit.w2.h11.v1.jsonl"),
                raw.names().stream().filter(n -> !n.startsWith("_compacted.")).toList());
        assertEquals(1, raw.names().stream().filter(n -> n.startsWith("_compacted.")).count(), raw.names().toString());
        assertEquals(raw.shipped(), raw.readable());
        assertEquals(rows, cleanedRows(orchestrator, layout));
        assertEquals(Staleness.Verdict.UP_TO_DATE, staleness(layout).verdict());
    }

    /** What a fault hook throws to stop the compactor where a kill would. */
    private static final class Killed extends IOException {
        Killed(String message) {
            super(message);
        }
    }

    private static Configuration jobConf(HdfsLayout layout) {
        Configuration conf = new Configuration(dfs.getConfiguration(0));
        conf.set("mapreduce.framework.name", "local");
        conf.set(PublishConfigKeys.ROOT, layout.root());
        return conf;
    }

    private static Orchestrator orchestrator(HdfsLayout layout, SetClock clock) {
        OrchestratorSettings settings = new OrchestratorSettings("it", 3, "* * * * *", Map.of(), Duration.ofHours(1),
                new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO), 1, AFTER);
        return new Orchestrator(jobConf(layout), fs, layout, JobRegistry.standard(), JobCatalog.fromJobJar(), settings,
                clock, d -> { });
    }

    private static Staleness staleness(HdfsLayout layout) throws IOException {
        DatasetJob job = JobRegistry.standard().jobs().stream().filter(j -> j.dataset() == Dataset.MARKET_TICKS)
                .findFirst().orElseThrow();
        return new StalenessCheck(new PartitionInspector(fs, layout), jobConf(layout)).check(job, DAY);
    }

    /** Runs clean-market for the day (even if up to date) and returns the published rows, sorted. */
    private static List<String> cleanedRows(Orchestrator orchestrator, HdfsLayout layout) throws Exception {
        PassReport report = orchestrator.run(List.of(DAY), List.of(Dataset.MARKET_TICKS), Mode.FORCE, o -> { });
        assertEquals(List.of(Outcome.Kind.SUCCEEDED), report.outcomes().stream().map(Outcome::kind).toList(),
                report.outcomes().toString());
        PartitionManifest manifest = new PartitionInspector(fs, layout)
                .manifest(Dataset.MARKET_TICKS, DAY)
                .orElseThrow();
        assertEquals(0, manifest.duplicateCount(), "no tick is read twice");
        List<String> rows = new ArrayList<>();
        Path dir = new Path(layout.cleanedDir(Dataset.MARKET_TICKS, DAY));
        for (String file : manifest.dataFiles()) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(new Path(dir, file), fs.getConf())).build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}
