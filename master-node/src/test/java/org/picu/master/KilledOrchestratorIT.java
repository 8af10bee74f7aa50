package org.picu.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picu.jobs.publish.LockHolder;
import org.picu.jobs.publish.PartitionLock;
import org.picu.master.compact.RawDay;
import org.picu.master.plan.PartitionInspector;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/**
 * {@code picu-master daemon} SIGKILLed while it runs a job (what an OOM kill or a power loss of the master does) and
 * started again on the same host, as systemd does. The killed JVM leaves its partition lease and the job's lock in
 * HDFS; the restarted one sees that the process that took them is gone and takes them over at once, not after the
 * lease TTL (10 minutes here), and the partition is published with every record once.
 */
class KilledOrchestratorIT {
    private static final Path WORK = Paths.get("target", "test-data", "killed-orchestrator").toAbsolutePath();
    private static final Duration TTL = Duration.ofMinutes(10);
    private static MiniDFSCluster dfs;
    private static FileSystem fs;

    @BeforeAll
    static void startHdfs() throws IOException {
        if (Files.exists(WORK)) {
            try (var paths = Files.walk(WORK)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(WORK);
        dfs = TestHdfs.start(WORK.resolve("minidfs"));
        fs = dfs.getFileSystem();
    }

    @AfterAll
    static void stopHdfs() {
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    @Test
    void a_sigkilled_daemon_restarted_on_the_same_host_takes_its_leases_over_at_once_and_loses_nothing()
            throws Exception {
        HdfsLayout layout = new HdfsLayout(fs.getUri() + "/killed");
        // Yesterday (inside the lookback window), 20,000 ticks in 400 one-minute files of two workers.
        PartitionDate day = new PartitionDate(PartitionDate.of(Instant.now()).day().minusDays(1));
        RawDay raw = new RawDay(fs, layout, day);
        long seq = 0;
        for (int minute = 0; minute < 200; minute++) {
            for (String worker : List.of("w1", "w2")) {
                raw.upload(worker, seq, 50, day.start().plus(Duration.ofMinutes(minute)));
                seq += 50;
            }
        }
        Path config = Files.writeString(WORK.resolve("master.yml"), """
                layout:
                  root: %s
                hadoop:
                  properties:
                    fs.defaultFS: %s
                orchestrator:
                  id: kill-it
                  default-schedule: "*/2 * * * * *"
                  lease-ttl-minutes: %d
                """.formatted(layout.root(), fs.getUri(), TTL.toMinutes()));
        org.apache.hadoop.fs.Path lease = new org.apache.hadoop.fs.Path(
                layout.root() + "/locks/" + Dataset.MARKET_TICKS.dirName() + "." + day + ".lease");
        org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(layout.lockFile(Dataset.MARKET_TICKS, day));

        Process first = daemon(config, WORK.resolve("first.log"));
        try {
            // the job's lock names the daemon: clean-market runs inside it (local job runner)
            awaitTrue(() -> fs.exists(lock) && PartitionLock.readHolder(fs, lock).map(LockHolder::pid).orElse(0L)
                    == first.pid(), Duration.ofSeconds(120), "the first daemon runs clean-market", first);
            first.destroyForcibly(); // SIGKILL
            assertTrue(first.waitFor(20, TimeUnit.SECONDS));
        } finally {
            first.destroyForcibly();
        }
        // What the killed JVM left: its lease and the job's lock, naming a process that is gone.
        String firstLog = Files.readString(WORK.resolve("first.log"));
        for (org.apache.hadoop.fs.Path left : List.of(lease, lock)) {
            LockHolder holder = PartitionLock.readHolder(fs, left).orElseThrow(
                    () -> new AssertionError(left + " is gone: the job finished before the kill; log:\n" + firstLog));
            assertEquals(first.pid(), holder.pid(), left + ": " + holder);
        }

        long restarted = System.nanoTime();
        Process second = daemon(config, WORK.resolve("second.log"));
        try {
            awaitTrue(() -> published(layout, day).isPresent() && !fs.exists(lease) && !fs.exists(lock),
                    Duration.ofSeconds(180), "the restarted daemon publishes market_ticks of " + day, second);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - restarted);
        String log = Files.readString(WORK.resolve("second.log"));
        assertTrue(took.compareTo(TTL) < 0, "published " + took + " after the restart, before the TTL");
        assertTrue(log.contains("Taking over lock " + lease) && log.contains("process " + first.pid() + " on "),
                "the restarted daemon took the dead process's lease over:\n" + log);
        System.out.printf("restarted daemon published %s %d s after it started%n", day, took.toSeconds());

        PartitionManifest manifest = published(layout, day).orElseThrow();
        List<String> rows = rows(layout, day, manifest);
        assertEquals(raw.shipped().size(), rows.size(), "every tick once");
        assertEquals(rows.size(), new HashSet<>(rows).size(), "no tick twice");
        assertEquals(0, manifest.duplicateCount());
        assertEquals(raw.shipped(), raw.readable(), "the raw directory reads every shipped line once");
    }

    private static Optional<PartitionManifest> published(HdfsLayout layout, PartitionDate day) throws IOException {
        return new PartitionInspector(fs, layout).manifest(Dataset.MARKET_TICKS, day);
    }

    private static List<String> rows(HdfsLayout layout, PartitionDate day, PartitionManifest manifest)
            throws IOException {
        List<String> rows = new ArrayList<>();
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(layout.cleanedDir(Dataset.MARKET_TICKS, day));
        for (String file : manifest.dataFiles()) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(dir, file), fs.getConf())).build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    private static Process daemon(Path config, Path log) throws IOException {
        Path log4j = Files.writeString(WORK.resolve("log4j.properties"), """
                log4j.rootLogger=INFO, console
                log4j.appender.console=org.apache.log4j.ConsoleAppender
                log4j.appender.console.layout=org.apache.log4j.PatternLayout
                log4j.appender.console.layout.ConversionPattern=%d %-5p %c{1}: %m%n
                """);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlog4j.configuration=" + log4j.toUri(), "-cp", System.getProperty("java.class.path"),
                "org.picu.master.MasterMain", "daemon", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private interface Check {
        boolean holds() throws IOException;
    }

    private static void awaitTrue(Check check, Duration within, String what, Process daemon) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline || !daemon.isAlive()) {
                throw new AssertionError(what + ": not within " + within.toSeconds() + " s (daemon alive: "
                        + daemon.isAlive() + ")");
            }
            Thread.sleep(10);
        }
    }
}
