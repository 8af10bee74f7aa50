package org.picu.tier2.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;
import org.picu.tier2.testing.DatasetPartitions;
import org.picu.tier2.testing.TestFiles;
import org.picu.tier2.testing.TestHadoop;

/**
 * The reader thread between a partition's Parquet files and {@code LOAD DATA}: order, counts, failures, early close.
 */
class StagingChunksTest {
    private static final Path ROOT = Path.of("target", "partitions", "StagingChunksTest").toAbsolutePath();
    private static final int TICKS = 250;
    private static FileSystem fs;
    private static PartitionData data;

    @BeforeAll
    static void publish() throws Exception {
        TestFiles.deleteRecursively(ROOT);
        DatasetPartitions partitions = new DatasetPartitions(ROOT);
        partitions.publish(Dataset.MARKET_TICKS, "20261122", "run-1",
                DatasetPartitions.ticks(TICKS, 10, "2026-11-22T00:00:00Z", 0));
        fs = FileSystem.newInstance(URI.create("file:///"), TestHadoop.conf());
        PublishedPartition partition = PublishedPartitions.find(fs, partitions.layout(), Dataset.MARKET_TICKS).get(0);
        data = new PartitionData(fs, partition, partition.readManifest(fs));
    }

    @AfterAll
    static void close() throws Exception {
        fs.close();
    }

    @Test
    void every_record_arrives_once_in_file_order_in_chunks_of_the_batch_size() throws Exception {
        MarketTicksLoader loader = new MarketTicksLoader();
        StringBuilder all = new StringBuilder();
        int chunks = 0;
        try (StagingChunks reader = StagingChunks.start(data, DatasetSchemas.MARKET_TICK, loader::write, 100)) {
            for (StagingChunks.Chunk chunk = reader.next(); chunk != null; chunk = reader.next()) {
                assertEquals(chunks < 2 ? 100 : 50, chunk.rows());
                all.append(new String(chunk.content(), StandardCharsets.UTF_8));
                chunks++;
            }
            assertNull(reader.next());
            assertEquals(TICKS, reader.rowsRead());
        }
        assertEquals(3, chunks);
        List<String> lines = all.toString().lines().toList();
        assertEquals(TICKS, lines.size());
        // DatasetPartitions.ticks writes one tick per symbol and second, seconds ascending
        assertEquals("2026-11-22 00:00:00.000", lines.get(0).split("\t")[2]);
        assertEquals("2026-11-22 00:00:24.000", lines.get(TICKS - 1).split("\t")[2]);
    }

    @Test
    void a_failure_of_the_reader_is_thrown_by_next() throws Exception {
        try (StagingChunks reader = StagingChunks.start(data, DatasetSchemas.MARKET_TICK, (row, record) -> {
            throw new LoadException("record", "cannot be written");
        }, 1000)) {
            LoadException e = assertThrows(LoadException.class, reader::next);
            assertTrue(e.getMessage().contains("cannot be written"), e.getMessage());
        }
    }

    @Test
    void closing_early_stops_the_reader() throws Exception {
        MarketTicksLoader loader = new MarketTicksLoader();
        StagingChunks reader = StagingChunks.start(data, DatasetSchemas.MARKET_TICK, loader::write, 10);
        assertNotNull(reader.next()); // 25 chunks to come, at most two queued: the reader is blocked handing over
        reader.close();
        assertFalse(reader.readerAlive());
    }
}
