package org.picu.tier2.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.picu.tier2.testing.DatasetPartitions.fearGreed;
import static org.picu.tier2.testing.DatasetPartitions.news;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.model.layout.Dataset;
import org.picu.tier2.db.DatabaseMigrations;
import org.picu.tier2.db.EmbeddedMariaDb;
import org.picu.tier2.testing.DatasetPartitions;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.TableSnapshots;
import org.picu.tier2.testing.TestFiles;
import org.picu.tier2.testing.TestHadoop;

/**
 * A loader process killed with SIGKILL in the middle of a partition leaves nothing of that partition, and the next
 * {@code tier2 load} brings the database to exactly what one clean load produces.
 */
class KilledLoaderIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private static final Path DIR = Path.of("target", "partitions", "KilledLoaderIT").toAbsolutePath();
    // large enough that the kill lands inside the partition's transaction even on a fast machine
    private static final int TICKS = 100_000;
    private static final int SIGKILL_EXIT = 128 + 9;

    @Test
    void a_loader_killed_mid_partition_leaves_nothing_of_it_and_a_rerun_equals_one_clean_load() throws Exception {
        TestFiles.deleteRecursively(DIR);
        DatasetPartitions partitions = new DatasetPartitions(DIR.resolve("root"));
        partitions.publish(Dataset.NEWS, "20261122", "run-1", List.of(news(1, "Bitcoin tops", "2026-11-22T09:00:00Z"),
                news(2, "이더리움 업그레이드", null)));
        partitions.publish(Dataset.FEAR_GREED, "20261122", "run-1", List.of(fearGreed(64, "Greed",
                "2026-11-22T00:00:00Z")));
        partitions.publish(Dataset.MARKET_TICKS, "20261122", "run-1",
                DatasetPartitions.ticks(TICKS, 50, "2026-11-22T00:00:00Z", 0));
        String database = MARIADB.freshDatabaseName();
        DataSource killed = MARIADB.pool(database);
        DatabaseMigrations.migrate(killed); // so that the test can watch the tables before the child has migrated
        Path config = writeConfig(database, partitions);

        Process loader = startLoad(config, "killed");
        waitForUncommittedTicks(killed, loader);
        loader.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback from the client side
        assertTrue(loader.waitFor(30, TimeUnit.SECONDS));
        assertEquals(SIGKILL_EXIT, loader.exitValue(), "killed by SIGKILL");
        waitUntilTheServerReleasedTheLoadLock(killed);

        // the partitions committed before the kill stay; nothing of the killed one is left, not even its ledger row
        assertEquals("0", text(killed, "SELECT COUNT(*) FROM market_trends"));
        assertEquals("fear_greed,news", text(killed, "SELECT GROUP_CONCAT(dataset ORDER BY dataset) FROM load_ledger"));
        assertEquals("2", text(killed, "SELECT COUNT(*) FROM news"));

        Process rerun = startLoad(config, "rerun");
        assertTrue(rerun.waitFor(5, TimeUnit.MINUTES), "the rerun finished");
        String output = Files.readString(DIR.resolve("rerun.out"), StandardCharsets.UTF_8);
        assertEquals(0, rerun.exitValue(), output);
        assertTrue(
                output.contains("loaded 1 partition (" + TICKS + " rows), skipped 2 already loaded, 0 failed"), output);

        DataSource clean = MARIADB.freshDatabase();
        try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), TestHadoop.conf())) {
            LoadReport once = new PartitionLoader(clean, fs, partitions.layout(), 1000).loadNew(DatasetLoaders.all());
            assertEquals(3, once.loaded());
        }
        Map<String, List<String>> expected = TableSnapshots.of(clean);
        assertEquals(TICKS, expected.get("market_trends").size());
        assertEquals(expected, TableSnapshots.of(killed));
    }

    private static Path writeConfig(String database, DatasetPartitions partitions) throws IOException {
        Path config = DIR.resolve("tier2.yml");
        Files.writeString(config, String.join("\n",
                "database:",
                "  url: " + MARIADB.server().jdbcUrl(database),
                "  user: " + EmbeddedMariaDb.USER,
                "hdfs:",
                "  uri: file:///",
                "  root: " + partitions.rootUri(),
                "load:",
                "  batch-size: 5000",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    /** {@code tier2 load} in a child JVM on this test's classpath, output to {@code <name>.out}. */
    private static Process startLoad(Path config, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m",
                "-Dhadoop.tmp.dir=" + DIR.resolve("hadoop-tmp"),
                "-cp", System.getProperty("java.class.path"),
                "org.picu.tier2.Tier2Main", "load", "--config", config.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(DIR.resolve(name + ".out").toFile());
        return builder.start();
    }

    // The partition's rows are visible to a READ UNCOMMITTED reader once the upsert into market_trends has begun.
    private static void waitForUncommittedTicks(DataSource dataSource, Process loader) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
            while (System.nanoTime() < deadline) {
                if (!loader.isAlive()) {
                    fail("the loader ended before it could be killed mid-partition: "
                            + Files.readString(DIR.resolve("killed.out")));
                }
                try (ResultSet row = statement.executeQuery(
                        "SELECT COUNT(*) FROM market_trends WHERE partition_date = '2026-11-22'")) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        fail("no uncommitted market_trends rows appeared within 3 minutes");
    }

    private static void waitUntilTheServerReleasedTheLoadLock(DataSource dataSource) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (text(dataSource, "SELECT IS_USED_LOCK('" + LoadLock.NAME + "')") == null) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the killed loader's session still holds the load lock after 2 minutes");
    }

    private static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
