package org.picu.tier2.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picu.tier2.testing.MarketTickPartitions.tick;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.tier2.api.market.MarketTrend;
import org.picu.tier2.api.market.MarketTrendsQuery;
import org.picu.tier2.db.DatabaseMigrations;
import org.picu.tier2.load.PartitionOutcome.Status;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.MarketTickPartitions;
import org.picu.tier2.testing.TestHadoop;

class PartitionLoaderIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private DataSource dataSource;
    private MarketTickPartitions partitions;
    private FileSystem fs;

    @BeforeEach
    void setUp(TestInfo test) throws IOException {
        dataSource = MARIADB.freshDatabase();
        Path root = Path.of("target", "partitions", "PartitionLoaderIT", test.getTestMethod().orElseThrow().getName());
        deleteRecursively(root);
        partitions = new MarketTickPartitions(root);
        fs = FileSystem.newInstance(URI.create("file:///"), TestHadoop.conf());
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    private LoadReport load(int batchSize) throws IOException {
        return new PartitionLoader(dataSource, fs, partitions.layout(), batchSize).loadNew(new MarketTicksLoader());
    }

    // Regression for a defect of the original system: every loader run re-inserted all market rows (288+ copies a day).
    @Test
    void loading_the_same_partition_twice_writes_it_once() throws Exception {
        partitions.publish("20261122", "run-1", MarketTickPartitions.fixture("upbit-krw-day"));

        LoadReport first = load(1000);
        assertEquals(1, first.loaded());
        assertEquals(7, first.rows());
        // The original dropped them: Upbit's 24 h traded value and previous close are kept under their true names
        assertEquals(117284000000.5, doubleValue("SELECT acc_trade_price_24h FROM market_trends "
                + "WHERE symbol = 'BTC' AND `timestamp` = '2026-11-22 00:00:00'"));
        assertEquals(94000000.0, doubleValue("SELECT prev_closing_price FROM market_trends "
                + "WHERE symbol = 'BTC' AND `timestamp` = '2026-11-22 00:00:00'"));
        // a marker the second load would overwrite if it rewrote the partition's rows
        execute("UPDATE market_trends SET price = -1 WHERE symbol = 'BTC' AND `timestamp` = '2026-11-22 00:00:00'");

        LoadReport second = load(1000);
        assertEquals(0, second.loaded());
        assertEquals(1, second.skipped());
        assertEquals(0, second.rows());
        assertEquals(7, count("market_trends"));
        assertEquals(1, count("load_ledger"));
        // not even re-upserted (V1's surrogate id proved this with unburnt auto-increment values; V3 dropped it)
        assertEquals(-1.0, doubleValue("SELECT price FROM market_trends "
                + "WHERE symbol = 'BTC' AND `timestamp` = '2026-11-22 00:00:00'"));
    }

    // The original had no unique key and loaded only "today": every published day loads, one row per key.
    @Test
    void partitions_overlapping_on_the_natural_key_leave_one_row_per_key_from_the_last_loaded() throws Exception {
        partitions.publish("20261121", "run-a", List.of(
                tick("BTC", 100, "2026-11-21T23:59:00Z"), tick("ETH", 10, "2026-11-21T23:59:00Z")));
        partitions.publish("20261122", "run-b", List.of(
                tick("ETH", 11, "2026-11-21T23:59:00Z"), tick("XRP", 1, "2026-11-22T00:00:00Z")));

        LoadReport report = load(1000);

        assertEquals(2, report.loaded());
        assertEquals(3, count("market_trends"));
        assertEquals(11.0, doubleValue("SELECT price FROM market_trends WHERE symbol = 'ETH'"));
        assertEquals("2026-11-22", stringValue("SELECT partition_date FROM market_trends WHERE symbol = 'ETH'"));
    }

    @Test
    void within_one_partition_the_later_of_two_rows_with_the_same_key_wins() throws Exception {
        partitions.publish("20261122", "run-1", List.of(tick("BTC", 100, "2026-11-22T01:00:00Z"),
                tick("ETH", 10, "2026-11-22T01:00:00Z"), tick("BTC", 102, "2026-11-22T01:00:00Z")));

        assertEquals(1, load(1000).loaded());

        assertEquals(2, count("market_trends"));
        assertEquals(102.0, doubleValue("SELECT price FROM market_trends WHERE symbol = 'BTC'"));
    }

    @Test
    void a_new_run_of_a_day_replaces_the_rows_of_the_previous_run() throws Exception {
        partitions.publish("20261122", "run-1", List.of(
                tick("BTC", 100, "2026-11-22T01:00:00Z"), tick("ETH", 10, "2026-11-22T01:00:00Z")));
        load(1000);
        partitions.publish("20261122", "run-2", List.of(
                tick("BTC", 101, "2026-11-22T01:00:00Z"), tick("XRP", 1, "2026-11-22T01:00:00Z")));

        LoadReport report = load(1000);

        assertEquals(1, report.loaded());
        assertEquals(List.of("BTC:run-2", "XRP:run-2"),
                strings("SELECT CONCAT(symbol, ':', load_run_id) FROM market_trends ORDER BY symbol"));
        assertEquals(101.0, doubleValue("SELECT price FROM market_trends WHERE symbol = 'BTC'"));
        assertEquals(2, count("load_ledger"));
    }

    @Test
    void a_partition_without_manifest_is_ignored_until_it_has_one() throws Exception {
        partitions.writeData("20261122", List.of(List.of(tick("BTC", 100, "2026-11-22T01:00:00Z"))));

        LoadReport before = load(1000);
        assertEquals(List.of(), before.outcomes());
        assertEquals(0, count("market_trends"));

        partitions.publish("20261122", "run-1", List.of(tick("BTC", 100, "2026-11-22T01:00:00Z")));
        assertEquals(1, load(1000).loaded());
    }

    @Test
    void a_failure_in_the_middle_of_a_partition_leaves_nothing_of_it() throws Exception {
        List<GenericRecord> rows = new ArrayList<>();
        for (int minute = 0; minute < 4; minute++) {
            rows.add(tick("BTC", 100 + minute, String.format("2026-11-22T01:%02d:00Z", minute)));
        }
        rows.add(tick("A_SYMBOL_LONGER_THAN_20", 1, "2026-11-22T01:05:00Z")); // the database refuses it
        partitions.publish("20261122", "run-1", rows);
        partitions.publish("20261123", "run-1", List.of(tick("ETH", 10, "2026-11-23T01:00:00Z")));

        // batch size 2: two batches are sent before the bad row fails the third
        LoadReport report = load(2);

        assertEquals(Status.FAILED, report.outcomes().get(0).status());
        assertEquals(Optional.of("run-1"), report.outcomes().get(0).runId());
        assertEquals(Status.LOADED, report.outcomes().get(1).status());
        assertEquals(List.of("ETH"), strings("SELECT symbol FROM market_trends"));
        assertEquals(List.of("2026-11-23"), strings("SELECT partition_date FROM load_ledger"));
    }

    @Test
    void a_partition_whose_files_do_not_match_its_manifest_fails_without_writing() throws Exception {
        partitions.publish("20261122", "run-1", List.of(List.of(tick("BTC", 100, "2026-11-22T01:00:00Z"))), 2);

        LoadReport report = load(1000);

        assertEquals(1, report.failed());
        assertTrue(
                report.failures().get(0).detail().contains("manifest promises 2"),
                report.failures().get(0).detail());
        assertEquals(0, count("market_trends"));
        assertEquals(0, count("load_ledger"));
    }

    // The original stored naive local times; here the JVM runs in Seoul time and nothing may shift.
    @Test
    void times_round_trip_as_utc_whatever_the_jvm_zone() throws Exception {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Seoul"));
        try {
            DataSource seoul = MARIADB.pool(MARIADB.freshDatabaseName());
            DatabaseMigrations.migrate(seoul);
            partitions.publish("20261122", "run-1", List.of(tick("BTC", 100, "2026-11-22T23:30:00.125Z")));
            new PartitionLoader(seoul, fs, partitions.layout(), 10).loadNew(new MarketTicksLoader());

            try (Connection connection = seoul.getConnection(); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT DATE_FORMAT(`timestamp`, '%Y-%m-%d %H:%i:%s.%f'), "
                            + "@@session.time_zone, partition_date FROM market_trends")) {
                row.next();
                assertEquals("2026-11-22 23:30:00.125000", row.getString(1), "stored as UTC wall-clock time");
                assertTrue(List.of("UTC", "+00:00").contains(row.getString(2)), row.getString(2));
                assertEquals("2026-11-22", row.getString(3));
            }
            MarketTrend read = new MarketTrendsQuery(seoul).latest(Optional.empty(), 1).get(0);
            assertEquals(Instant.parse("2026-11-22T23:30:00.125Z"), read.timestamp());
        } finally {
            TimeZone.setDefault(original);
        }
    }

    private long count(String table) throws SQLException {
        return longValue("SELECT COUNT(*) FROM " + table);
    }

    private long longValue(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private double doubleValue(String sql) throws SQLException {
        return Double.parseDouble(strings(sql).get(0));
    }

    private String stringValue(String sql) throws SQLException {
        return strings(sql).get(0);
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
