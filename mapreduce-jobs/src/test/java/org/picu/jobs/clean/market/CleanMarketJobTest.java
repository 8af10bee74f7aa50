package org.picu.jobs.clean.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.clean.io.CleaningConfigKeys;
import org.picu.model.layout.PartitionManifest;

/** The whole job through ToolRunner on the local job runner, against the fixture day in fixtures/clean-market. */
class CleanMarketJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "20261121";

    private static Path fixtures() throws URISyntaxException {
        return Paths.get(CleanMarketJobTest.class.getResource("/fixtures/clean-market").toURI());
    }

    /** A layout root holding the fixture day's raw files plus one line of invalid UTF-8. */
    private static Path rootWithFixtureDay(String name) throws Exception {
        Path root = LocalHadoop.freshDir(name);
        Path raw = Files.createDirectories(root.resolve("raw/upbit/" + DAY));
        try (Stream<Path> files = Files.list(fixtures().resolve("raw"))) {
            for (Path f : files.toList()) {
                Files.copy(f, raw.resolve(f.getFileName().toString()));
            }
        }
        Files.write(raw.resolve("upbit.w4.000000000001-000000000001.jsonl"),
                new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', '\n'});
        return root;
    }

    @Test
    void cleans_deduplicates_and_publishes_the_fixture_day() throws Exception {
        Path root = rootWithFixtureDay("clean-market-publish");
        Configuration conf = LocalHadoop.conf(root);

        assertEquals(0, ToolRunner.run(conf, new CleanMarketJob(), new String[] {DAY}));

        Path partition = root.resolve("cleaned/market_ticks/" + DAY);
        assertTrue(Files.exists(partition.resolve("_SUCCESS")));
        PartitionManifest manifest = PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json")));
        assertEquals(7, manifest.recordCount());
        assertEquals(12, manifest.rejectedCount());
        assertEquals(3, manifest.duplicateCount());
        assertEquals(List.of("raw/upbit/" + DAY + "/upbit.w1.000000000001-000000000006.jsonl",
                "raw/upbit/" + DAY + "/upbit.w2.000000000001-000000000003.jsonl",
                "raw/upbit/" + DAY + "/upbit.w3.000000000001-000000000012.jsonl",
                "raw/upbit/" + DAY + "/upbit.w4.000000000001-000000000001.jsonl"),
                manifest.inputFiles(), "inputs below the root; the unfinished .uploading file is never read");

        assertEquals(expectedRows(), rows(conf, partition, manifest));
        assertEquals(expectedRejectReasons(), rejectReasons(partition));
        assertFalse(Files.exists(root.resolve("locks/market_ticks." + DAY + ".lock")), "lock released");
        try (Stream<Path> staging = Files.list(root.resolve("staging/market_ticks/" + DAY))) {
            assertEquals(0, staging.count(), "nothing left in staging");
        }
    }

    /** Regression: a repeated key used to resolve silently to its last value; such a line is ambiguous. */
    @Test
    void a_line_repeating_a_key_is_rejected_as_ambiguous_not_resolved_to_one_value() throws Exception {
        Path root = LocalHadoop.freshDir("clean-market-duplicate-key");
        Path raw = Files.createDirectories(root.resolve("raw/upbit/" + DAY));
        String tick = "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\","
                + "\"crawled_at\":\"2026-11-21T03:00:05Z\",\"worker_id\":\"w1\",\"seq\":%d,\"url\":\"http://x\","
                + "\"payload\":{%s\"quote_currency\":\"KRW\",\"price\":1.5,\"timestamp\":\"2026-11-21T03:00:00Z\"}}\n";
        Files.writeString(raw.resolve("upbit.w1.000000000001-000000000003.jsonl"),
                String.format(tick, 1, "\"symbol\":\"XRP\",")
                        + String.format(tick, 2, "\"symbol\":\"BTC\",\"symbol\":\"ETH\",")
                        + String.format(tick, 3, "\"symbol\":\"SOL\",\"volume\":1,\"volume\":2,"));

        assertEquals(0, ToolRunner.run(LocalHadoop.conf(root), new CleanMarketJob(), new String[] {DAY}));

        Path partition = root.resolve("cleaned/market_ticks/" + DAY);
        PartitionManifest manifest = PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json")));
        assertEquals(1, manifest.recordCount(), "only the unambiguous tick is kept");
        assertEquals(2, manifest.rejectedCount(), "a key the rules read and one they skip are both refused");
        assertEquals(List.of("duplicate_key", "duplicate_key"), rejectReasons(partition));
    }

    @Test
    void a_rerun_replaces_the_partition_with_the_same_records() throws Exception {
        Path root = rootWithFixtureDay("clean-market-rerun");
        Configuration conf = LocalHadoop.conf(root);
        Path partition = root.resolve("cleaned/market_ticks/" + DAY);

        assertEquals(0, ToolRunner.run(conf, new CleanMarketJob(), new String[] {DAY}));
        PartitionManifest first = PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json")));
        assertEquals(0, ToolRunner.run(conf, new CleanMarketJob(), new String[] {DAY}));
        PartitionManifest second = PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json")));

        assertNotEquals(first.runId(), second.runId());
        assertEquals(expectedRows(), rows(conf, partition, second));
        try (Stream<Path> files = Files.list(partition)) {
            assertEquals(second.dataFiles().size(), files.filter(f -> f.toString().endsWith(".parquet")).count(),
                    "no Parquet file of the first run is left behind");
        }
    }

    @Test
    void the_combiner_on_or_off_publishes_the_same_records_and_counts() throws Exception {
        List<List<JsonNode>> rows = new ArrayList<>();
        List<List<Long>> counts = new ArrayList<>();
        for (String combine : List.of("true", "false")) {
            Path root = rootWithFixtureDay("clean-market-combine-" + combine);
            Configuration conf = LocalHadoop.conf(root);
            conf.set(CleaningConfigKeys.COMBINE, combine);
            assertEquals(0, ToolRunner.run(conf, new CleanMarketJob(), new String[] {DAY}));
            Path partition = root.resolve("cleaned/market_ticks/" + DAY);
            PartitionManifest manifest =
                    PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json")));
            rows.add(rows(conf, partition, manifest));
            counts.add(List.of(manifest.recordCount(), manifest.rejectedCount(), manifest.duplicateCount()));
        }
        assertEquals(expectedRows(), rows.get(0));
        assertEquals(rows.get(0), rows.get(1));
        assertEquals(List.of(7L, 12L, 3L), counts.get(0));
        assertEquals(counts.get(0), counts.get(1));
    }

    @Test
    void columns_distinct_by_nature_are_written_without_a_dictionary() throws Exception {
        // Enough rows that a dictionary pays where values repeat (on a handful of rows Parquet drops them all).
        Path root = LocalHadoop.freshDir("clean-market-dictionaries");
        Path raw = Files.createDirectories(root.resolve("raw/upbit/" + DAY));
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 3_000; i++) {
            lines.append("{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\",")
                    .append("\"crawled_at\":\"2026-11-21T03:00:05Z\",\"worker_id\":\"w1\",\"seq\":")
                    .append(i)
                    .append(
                            ",\"url\":\"https://api.upbit.com\",\"payload\":{\"symbol\":\"BTC\",\"quote_currency\":\"KR"
                                + "W\",")
                    .append("\"price\":")
                    .append(1000 + i % 7)
                    .append(",\"volume_24h\":")
                    .append(i * 1.25)
                    .append(",\"acc_trade_price_24h\":")
                    .append(i * 3.5)
                    .append(",\"timestamp\":")
                    .append(1_795_230_000_000L + i)
                    .append("}}\n");
        }
        Files.writeString(raw.resolve("upbit.w1.000000000001-000000003000.jsonl"), lines);
        Configuration conf = LocalHadoop.conf(root);
        assertEquals(0, ToolRunner.run(conf, new CleanMarketJob(), new String[] {DAY}));
        Path partition = root.resolve("cleaned/market_ticks/" + DAY);
        PartitionManifest manifest = PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json")));
        Map<String, Boolean> dictionary = new TreeMap<>();
        for (String file : manifest.dataFiles()) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(partition.resolve(file).toUri());
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
                for (BlockMetaData block : reader.getFooter().getBlocks()) {
                    for (ColumnChunkMetaData column : block.getColumns()) {
                        dictionary.merge(
                                column.getPath().toDotString(), column.hasDictionaryPage(), Boolean::logicalOr);
                    }
                }
            }
        }
        assertEquals(Boolean.FALSE, dictionary.get("seq"));
        assertEquals(Boolean.FALSE, dictionary.get("volume_24h"));
        assertEquals(Boolean.FALSE, dictionary.get("acc_trade_price_24h"));
        assertEquals(Boolean.TRUE, dictionary.get("symbol"));
        assertEquals(Boolean.TRUE, dictionary.get("price"));
    }

    @Test
    void usage_errors_exit_2_and_a_day_without_raw_files_publishes_nothing() throws Exception {
        Path root = LocalHadoop.freshDir("clean-market-usage");
        Configuration conf = LocalHadoop.conf(root);
        assertEquals(2, ToolRunner.run(conf, new CleanMarketJob(), new String[] {}));
        assertEquals(2, ToolRunner.run(conf, new CleanMarketJob(), new String[] {"2026-11-21"}));
        assertEquals(0, ToolRunner.run(conf, new CleanMarketJob(), new String[] {DAY}));
        assertFalse(Files.exists(root.resolve("cleaned")));
    }

    @Test
    void a_held_lock_stops_a_second_run_for_the_same_partition() throws Exception {
        Path root = rootWithFixtureDay("clean-market-locked");
        Files.createDirectories(root.resolve("locks"));
        Files.writeString(root.resolve("locks/market_ticks." + DAY + ".lock"), "20261121T000000Z-abcdef");

        assertEquals(1, ToolRunner.run(LocalHadoop.conf(root), new CleanMarketJob(), new String[] {DAY}));
        assertFalse(Files.exists(root.resolve("cleaned/market_ticks/" + DAY)));
    }

    private static List<JsonNode> expectedRows() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(fixtures().resolve("expected-market_ticks.jsonl"))) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private static List<String> expectedRejectReasons() throws Exception {
        return Files.readAllLines(fixtures().resolve("expected-rejects.txt")).stream().sorted().toList();
    }

    /** Parquet rows in the expected file's JSON form, sorted by symbol and time. */
    private static List<JsonNode> rows(Configuration conf, Path partition, PartitionManifest manifest)
            throws IOException {
        List<org.apache.hadoop.fs.Path> files = manifest.dataFiles().stream()
                .map(f -> new org.apache.hadoop.fs.Path(partition.resolve(f).toUri())).toList();
        List<JsonNode> rows = new ArrayList<>();
        for (GenericRecord r : LocalHadoop.readParquet(conf, files)) {
            ObjectNode n = JSON.createObjectNode();
            for (var field : r.getSchema().getFields()) {
                Object v = r.get(field.name());
                if (field.name().equals("timestamp") || field.name().equals("crawled_at")) {
                    n.put(field.name(), Instant.ofEpochMilli((Long) v).toString());
                } else {
                    n.set(field.name(), JSON.valueToTree(v instanceof CharSequence cs ? cs.toString() : v));
                }
            }
            // Re-read so that numbers get the same node types as the expected file (4 is an int there, not a long).
            rows.add(JSON.readTree(n.toString()));
        }
        rows.sort((a, b) -> (a.get("symbol").asText() + a.get("timestamp").asText())
                .compareTo(b.get("symbol").asText() + b.get("timestamp").asText()));
        return rows;
    }

    private static List<String> rejectReasons(Path partition) throws IOException {
        List<String> reasons = new ArrayList<>();
        try (Stream<Path> files = Files.list(partition.resolve("_rejects"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    reasons.add(JSON.readTree(line).get("reason").asText());
                }
            }
        }
        reasons.sort(null);
        return reasons;
    }
}
