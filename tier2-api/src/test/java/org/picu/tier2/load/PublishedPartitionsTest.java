package org.picu.tier2.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picu.tier2.testing.MarketTickPartitions.tick;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;
import org.picu.tier2.testing.MarketTickPartitions;
import org.picu.tier2.testing.TestHadoop;

/** Partition discovery and manifest checks on the local file system (no database needed). */
class PublishedPartitionsTest {
    private static final Path ROOT = Path.of("target", "partitions", "PublishedPartitionsTest");

    private MarketTickPartitions partitions;
    private FileSystem fs;

    @BeforeEach
    void setUp() throws IOException {
        if (Files.exists(ROOT)) {
            try (Stream<Path> paths = Files.walk(ROOT)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        partitions = new MarketTickPartitions(ROOT);
        fs = FileSystem.newInstance(URI.create("file:///"), TestHadoop.conf());
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    @Test
    void finds_manifested_day_directories_oldest_first() throws IOException {
        partitions.publish("20261123", "r", List.of(tick("BTC", 1, "2026-11-23T00:00:00Z")));
        partitions.publish("20261121", "r", List.of(tick("BTC", 1, "2026-11-21T00:00:00Z")));
        partitions.writeData("20261124", List.of(List.of(tick("BTC", 1, "2026-11-24T00:00:00Z")))); // no manifest
        Files.createDirectories(ROOT.resolve("cleaned/market_ticks/_temporary"));
        Files.createDirectories(ROOT.resolve("cleaned/market_ticks/2026-11-25"));

        List<PublishedPartition> found = PublishedPartitions.find(fs, partitions.layout(), Dataset.MARKET_TICKS);

        assertEquals(List.of(PartitionDate.parse("20261121"), PartitionDate.parse("20261123")),
                found.stream().map(PublishedPartition::date).toList());
    }

    @Test
    void a_dataset_that_was_never_published_has_no_partitions() throws IOException {
        assertEquals(List.of(), PublishedPartitions.find(fs, partitions.layout(), Dataset.MARKET_TICKS));
    }

    @Test
    void a_manifest_must_describe_its_own_directory_and_only_name_files_inside_it() throws IOException {
        Path dir = partitions.publish("20261122", "run-1", List.of(tick("BTC", 1, "2026-11-22T00:00:00Z")));
        PublishedPartition partition = PublishedPartitions.find(fs, partitions.layout(), Dataset.MARKET_TICKS).get(0);
        assertEquals("run-1", partition.readManifest(fs).runId());

        assertRejected(partition, dir, manifest("market_ticks", "20261121", "run-1", List.of("part-r-00000.parquet")),
                "manifest is for date 20261121");
        assertRejected(partition, dir, manifest("news", "20261122", "run-1", List.of("part-r-00000.parquet")),
                "dataset 'news'");
        assertRejected(partition, dir, manifest("market_ticks", "20261122", "run-1", List.of("../../secrets.parquet")),
                "not a plain file name");
        assertRejected(partition, dir, manifest("market_ticks", "20261122", "run-1", List.of("_rejects")),
                "not a plain file name");
        assertRejected(partition, dir, manifest("market_ticks", "20261122", "x".repeat(101), List.of()),
                "run_id must be 1 to 100");
        Files.writeString(dir.resolve("_manifest.json"), "{ not json");
        LoadException e = assertThrows(LoadException.class, () -> partition.readManifest(fs));
        assertTrue(e.getMessage().contains("not a partition manifest"), e.getMessage());
    }

    private void assertRejected(PublishedPartition partition, Path dir, PartitionManifest manifest, String expected) {
        partitions.writeManifest(dir, manifest);
        LoadException e = assertThrows(LoadException.class, () -> partition.readManifest(fs));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.path().endsWith("_manifest.json"), e.path());
    }

    private static PartitionManifest manifest(String dataset, String date, String runId, List<String> files) {
        return new PartitionManifest(
                dataset, date, runId, 1, 0, 0, files, List.of(), Instant.parse("2026-11-23T00:00:00Z"));
    }
}
