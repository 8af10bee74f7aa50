package org.picu.jobs.clean.feargreed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.clean.CleanFixtures;
import org.picu.model.layout.PartitionManifest;

/** {@code clean-fear-greed} through ToolRunner on the local job runner, against fixtures/clean-fear-greed. */
class CleanFearGreedJobTest {
    private static final String DAY = "20261121";
    private static final String PREVIOUS_DAY = "20261120";

    private static Path rootWithFixtureDay(String name) throws Exception {
        Path root = LocalHadoop.freshDir(name);
        CleanFixtures.uploadRaw(CleanFixtures.dir("clean-fear-greed").resolve("raw"), root, DAY);
        return root;
    }

    private static List<JsonNode> expectedRows() throws Exception {
        return CleanFixtures.jsonLines(CleanFixtures.dir("clean-fear-greed").resolve("expected-fear_greed.jsonl"));
    }

    /**
     * Pins two defects of the original: a JSON int value crashed the parser, so no reading was ever stored;
     * spider and pipeline had two threshold tables. Every valid value is kept and classified by the one table.
     */
    @Test
    void cleans_classifies_deduplicates_and_publishes_the_fixture_day() throws Exception {
        Path root = rootWithFixtureDay("clean-fg-publish");
        Configuration conf = LocalHadoop.conf(root);

        assertEquals(0, ToolRunner.run(conf, new CleanFearGreedJob(), new String[] {DAY}));

        Path partition = root.resolve("cleaned/fear_greed/" + DAY);
        PartitionManifest manifest = CleanFixtures.manifest(partition);
        assertEquals(4, manifest.recordCount());
        assertEquals(10, manifest.rejectedCount());
        assertEquals(2, manifest.duplicateCount());
        assertEquals(expectedRows(), CleanFixtures.rows(conf, partition, "timestamp"));
        assertEquals(CleanFixtures.sortedLines(CleanFixtures.dir("clean-fear-greed").resolve("expected-rejects.txt")),
                CleanFixtures.rejectReasons(partition));
        assertFalse(Files.exists(root.resolve("locks/fear_greed." + DAY + ".lock")), "lock released");
    }

    @Test
    void yesterdays_reading_crawled_after_midnight_is_not_published_twice() throws Exception {
        Path root = rootWithFixtureDay("clean-fg-earlier-day");
        CleanFixtures.uploadRaw(CleanFixtures.dir("clean-fear-greed").resolve("raw-previous-day"), root, PREVIOUS_DAY);
        Configuration conf = LocalHadoop.conf(root);
        assertEquals(0, ToolRunner.run(conf, new CleanFearGreedJob(), new String[] {PREVIOUS_DAY}));
        assertEquals(0, ToolRunner.run(conf, new CleanFearGreedJob(), new String[] {DAY}));

        Path partition = root.resolve("cleaned/fear_greed/" + DAY);
        List<JsonNode> expected = new ArrayList<>(expectedRows());
        assertTrue(expected.removeIf(r -> r.get("timestamp").asText().equals("2026-11-20T00:00:00Z")));
        assertEquals(expected, CleanFixtures.rows(conf, partition, "timestamp"));
        assertEquals(3, CleanFixtures.manifest(partition).duplicateCount());
    }

    @Test
    void a_held_lock_stops_the_run_and_publishes_nothing() throws Exception {
        Path root = rootWithFixtureDay("clean-fg-locked");
        Files.createDirectories(root.resolve("locks"));
        Files.writeString(root.resolve("locks/fear_greed." + DAY + ".lock"), "20261121T000000Z-abcdef");

        assertEquals(1, ToolRunner.run(LocalHadoop.conf(root), new CleanFearGreedJob(), new String[] {DAY}));
        assertFalse(Files.exists(root.resolve("cleaned/fear_greed/" + DAY)));
    }
}
