package org.picu.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.model.layout.PartitionDate;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.upload.MiniHdfs;

/** The walking skeleton's first half: replayed Upbit API -> crawl -> spool -> upload -> HDFS /raw. */
class WorkerEndToEndIT {
    @TempDir
    Path dir;

    private MiniDFSCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void crawled_tickers_arrive_in_hdfs_as_valid_envelopes() throws Exception {
        cluster = MiniHdfs.start("end-to-end");
        Path spool = dir.resolve("spool");
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            Path config = WorkerConfigFiles.write(dir, spool, cluster.getURI().toString(), upbit.baseUrl());

            assertEquals(0, WorkerMain.run("crawl", "upbit", "--config", config.toString()));
            assertEquals(0, WorkerMain.run("upload", "--config", config.toString()));
        }

        FileSystem fs = cluster.getFileSystem();
        FileStatus[] days = fs.listStatus(new org.apache.hadoop.fs.Path("/raw/upbit"));
        assertEquals(1, days.length, "one partition");
        FileStatus[] files = fs.listStatus(days[0].getPath());
        assertEquals(1, files.length, "one file, no .uploading leftover");
        assertEquals("upbit.w1.000000000000-000000000008.jsonl", files[0].getPath().getName());

        List<RecordEnvelope> records = read(fs, files[0].getPath());
        Set<String> symbols = new TreeSet<>();
        for (RecordEnvelope record : records) {
            assertEquals("upbit", record.source());
            assertEquals(RecordKind.MARKET_TICK, record.kind());
            assertEquals("w1", record.workerId());
            assertEquals(days[0].getPath().getName(), PartitionDate.of(record.crawledAt()).toString());
            assertTrue(record.url().contains("/v1/ticker?markets="), record.url());
            assertEquals("KRW", record.payload().get("quote_currency").asText());
            symbols.add(record.payload().get("symbol").asText());
        }
        assertEquals(new TreeSet<>(List.of("BTC", "ETH", "XRP", "ADA", "DOGE", "SOL", "DOT", "AVAX", "LINK")), symbols,
                "exactly the configured symbols Upbit lists (MATIC is not listed)");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), records.stream().map(RecordEnvelope::seq).toList());

        try (Stream<Path> local = Files.walk(spool)) {
            assertEquals(List.of("upbit.w1.000000000000-000000000008.jsonl.uploaded"), local
                    .map(p -> p.getFileName().toString()).filter(n -> n.startsWith("upbit.") && n.contains(".jsonl"))
                    .toList(), "spool files only (the run ledger .runs/upbit.json is not one)");
        }
    }

    private static List<RecordEnvelope> read(FileSystem fs, org.apache.hadoop.fs.Path file) throws Exception {
        EnvelopeCodec codec = new EnvelopeCodec();
        List<RecordEnvelope> records = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                records.add(codec.parse(line));
            }
        }
        return records;
    }
}
