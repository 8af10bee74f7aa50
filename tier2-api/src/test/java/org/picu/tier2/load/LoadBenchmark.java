package org.picu.tier2.load;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.layout.Dataset;
import org.picu.tier2.config.Secret;
import org.picu.tier2.db.DataSources;
import org.picu.tier2.db.DatabaseMigrations;
import org.picu.tier2.db.EmbeddedMariaDb;
import org.picu.tier2.testing.DatasetPartitions;
import org.picu.tier2.testing.TestHadoop;

/**
 * The loader benchmark behind {@code bench/tier2-load.sh}: publishes one {@code market_ticks} partition of N rows
 * (once; reused while its size matches), loads it into a fresh database on the bundled MariaDB, then loads a second
 * run of the same day over it (every row an update), and prints rows/s of each. Not a test: numbers, no assertions.
 *
 * <p>Arguments: {@code [rows] [batch-size] [work-dir]}; defaults 1000000, 20000, target/bench.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
        DatasetPartitions run1 = new DatasetPartitions(work.resolve("partitions-run1"));
        DatasetPartitions run2 = new DatasetPartitions(work.resolve("partitions-run2"));
        publishOnce(run1, "run-1", rows, 0);
        publishOnce(run2, "run-2", rows, 0.5);

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(work.resolve("mariadb"), 0,
                        work.resolve("mariadb-binaries"), false, serverOptions()));
                FileSystem fs = FileSystem.newInstance(URI.create("file:///"), TestHadoop.conf())) {
            db.dropDatabase("bench");
            db.createDatabase("bench");
            try (HikariDataSource pool = DataSources.pool(db.jdbcUrl("bench")
                    + System.getProperty("bench.jdbc-options", ""), EmbeddedMariaDb.USER, Secret.EMPTY, 2)) {
                DatabaseMigrations.migrate(pool);
                report("read and map only (no database)", rows, batchSize, () -> readOnly(fs, run1));
                report("insert " + rows + " new rows", rows, batchSize, () ->
                        new PartitionLoader(pool, fs, run1.layout(), batchSize).loadNew(new MarketTicksLoader()));
                report("re-run: skip (already in the ledger)", 0, batchSize, () ->
                        new PartitionLoader(pool, fs, run1.layout(), batchSize).loadNew(new MarketTicksLoader()));
                report("replace with run-2: update " + rows + " rows", rows, batchSize, () ->
                        new PartitionLoader(pool, fs, run2.layout(), batchSize).loadNew(new MarketTicksLoader()));
            }
        }
    }

    /**
     * {@code -Dbench.server-options=--a=1,--b=2} (commas or spaces); by default the InnoDB sizes the tier-2 README
     * recommends for a server that loads million-row partitions.
     */
    private static List<String> serverOptions() {
        String options = System.getProperty("bench.server-options",
                "--innodb-buffer-pool-size=1G --innodb-log-file-size=1G");
        return options.isBlank() ? List.of() : List.of(options.trim().split("[\\s,]+"));
    }

    private interface Load {
        LoadReport run() throws Exception;
    }

    /**
     * Prints wall-clock rows/s and the CPU seconds the loader JVM and the MariaDB server (a child process) spent:
     * on a shared, busy machine the wall clock mostly measures the neighbours, the CPU time measures the loader.
     */
    private static void report(String what, long rows, int batchSize, Load load) throws Exception {
        double cpuBefore = cpuSeconds();
        double loaderBefore = cpuOf(ProcessHandle.current());
        long start = System.nanoTime();
        LoadReport report = load.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        double loaderCpu = cpuOf(ProcessHandle.current()) - loaderBefore;
        if (report.failed() > 0) {
            throw new IllegalStateException(what + ": " + report.failures());
        }
        System.out.printf("%-40s batch %6d: %7.2f s wall, %,9.0f rows/s; CPU-s: loader %6.2f + MariaDB %6.2f,"
                + " %,9.0f rows per CPU-s (%s)%n", what, batchSize, seconds, rows / seconds, loaderCpu, cpu - loaderCpu,
                rows / cpu, report.summary());
    }

    private static double cpuSeconds() {
        double total = cpuOf(ProcessHandle.current());
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            total += cpuOf(child);
        }
        return total;
    }

    private static double cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    // The Parquet side alone: what the loader costs before any row reaches MariaDB.
    private static LoadReport readOnly(FileSystem fs, DatasetPartitions partitions) throws Exception {
        PublishedPartition partition = PublishedPartitions.find(fs, partitions.layout(), Dataset.MARKET_TICKS).get(0);
        PartitionData data = new PartitionData(fs, partition, partition.readManifest(fs));
        long[] checksum = new long[1];
        long rows = data.read(org.picu.model.avro.DatasetSchemas.MARKET_TICK,
                record -> checksum[0] += MarketTick.fromAvro(record).symbol().length());
        return new LoadReport(List.of(PartitionOutcome.loaded(partition, "read-only", rows)));
    }

    private static void publishOnce(DatasetPartitions partitions, String runId, int rows, double priceOffset)
            throws Exception {
        Path marker = Path.of(URI.create(partitions.rootUri())).resolve("rows-" + rows);
        if (Files.exists(marker)) {
            return;
        }
        long start = System.nanoTime();
        partitions.publish(Dataset.MARKET_TICKS, "20261122", runId,
                DatasetPartitions.ticks(rows, 200, "2026-11-22T00:00:00Z", priceOffset));
        Files.deleteIfExists(marker);
        Files.createFile(marker);
        System.out.printf("published %s (%,d rows) in %.1f s%n", runId, rows, (System.nanoTime() - start) / 1e9);
    }
}
