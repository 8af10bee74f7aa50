package org.picu.jobs.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.PartitionManifest;

/** The whole job through ToolRunner on the local job runner, over the fixture day in fixtures/candles-1h. */
class CandlesJobTest {
    private static final String DAY = "20261121";
    private static final String NEXT_DAY = "20261122";

    private static Path rootWithTicks(String name) throws Exception {
        Path root = LocalHadoop.freshDir(name);
        Configuration conf = LocalHadoop.conf(root);
        AnalyticsFixtures.publish(
                conf,
                root,
                "market_ticks",
                DAY,
                DatasetSchemas.MARKET_TICK,
                AnalyticsFixtures.jsonLines(
                        DatasetSchemas.MARKET_TICK, AnalyticsFixtures.fixture("candles-1h/day.market_ticks.jsonl")));
        AnalyticsFixtures.publish(
                conf,
                root,
                "market_ticks",
                NEXT_DAY,
                DatasetSchemas.MARKET_TICK,
                AnalyticsFixtures.jsonLines(
                        DatasetSchemas.MARKET_TICK,
                        AnalyticsFixtures.fixture("candles-1h/next-day.market_ticks.jsonl")));
        return root;
    }

    private static List<String> expected() throws Exception {
        return AnalyticsFixtures.sorted(AnalyticsFixtures.jsonLines(DatasetSchemas.CANDLE,
                AnalyticsFixtures.fixture("candles-1h/day.expected-candles.jsonl")));
    }

    @Test
    void builds_and_publishes_the_hourly_candles_of_the_day_over_two_reducers() throws Exception {
        Path root = rootWithTicks("candles-publish");
        Configuration conf = LocalHadoop.conf(root);
        conf.setInt(CandlesConfigKeys.REDUCES, 2);

        assertEquals(0, ToolRunner.run(conf, new CandlesJob(), new String[] {DAY}));

        PartitionManifest manifest = AnalyticsFixtures.manifest(root, "candles_1h", DAY);
        assertEquals(5, manifest.recordCount());
        assertEquals(3, manifest.rejectedCount(), "2 ticks outside the day and 1 repeated tick were skipped");
        assertEquals(2, manifest.inputFiles().size(), "the day's and the next day's market_ticks file");
        // Both are named part-*; the path below the root says which partition each came from.
        assertTrue(
                manifest.inputFiles().get(0).startsWith("cleaned/market_ticks/" + DAY + "/"),
                manifest.inputFiles().toString());
        assertTrue(
                manifest.inputFiles().get(1).startsWith("cleaned/market_ticks/" + NEXT_DAY + "/"),
                manifest.inputFiles().toString());
        assertEquals(expected(), AnalyticsFixtures.publishedRows(conf, root, "candles_1h", DAY));
        assertFalse(Files.exists(root.resolve("locks/candles_1h." + DAY + ".lock")), "lock released");

        // A re-run replaces the partition with the same rows.
        assertEquals(0, ToolRunner.run(conf, new CandlesJob(), new String[] {DAY}));
        assertEquals(expected(), AnalyticsFixtures.publishedRows(conf, root, "candles_1h", DAY));
    }

    @Test
    void usage_errors_exit_2_a_missing_input_publishes_nothing_and_a_held_lock_exits_1() throws Exception {
        Path empty = LocalHadoop.freshDir("candles-usage");
        assertEquals(2, ToolRunner.run(LocalHadoop.conf(empty), new CandlesJob(), new String[] {}));
        assertEquals(2, ToolRunner.run(LocalHadoop.conf(empty), new CandlesJob(), new String[] {"2026-11-21"}));
        Configuration badReduces = LocalHadoop.conf(empty);
        badReduces.set(CandlesConfigKeys.REDUCES, "two");
        assertEquals(2, ToolRunner.run(badReduces, new CandlesJob(), new String[] {DAY}));
        assertEquals(0, ToolRunner.run(LocalHadoop.conf(empty), new CandlesJob(), new String[] {DAY}));
        assertFalse(Files.exists(empty.resolve("cleaned/candles_1h")));

        Path locked = rootWithTicks("candles-locked");
        Files.createDirectories(locked.resolve("locks"));
        Files.writeString(locked.resolve("locks/candles_1h." + DAY + ".lock"), "20261121T000000Z-abcdef");
        assertEquals(1, ToolRunner.run(LocalHadoop.conf(locked), new CandlesJob(), new String[] {DAY}));
        assertTrue(Files.notExists(locked.resolve("cleaned/candles_1h/" + DAY)));
    }
}
