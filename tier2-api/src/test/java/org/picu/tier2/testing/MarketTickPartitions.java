package org.picu.tier2.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionManifest;

/**
 * Writes {@code market_ticks} partitions on the local disk exactly as the clean job publishes them:
 * {@code part-r-NNNNN.parquet} files, {@code _SUCCESS}, a {@code _rejects/} directory and {@code _manifest.json}.
 */
public final class MarketTickPartitions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Configuration conf = TestHadoop.conf();

    /** @param root local directory used as the layout root */
    public MarketTickPartitions(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** The layout root as a URI for {@code hdfs.root} / {@link HdfsLayout}. */
    public String rootUri() {
        return root.toUri().toString();
    }

    public HdfsLayout layout() {
        return new HdfsLayout(rootUri());
    }

    /** Publishes a partition with all rows in one data file. */
    public Path publish(String date, String runId, List<GenericRecord> rows) {
        return publish(date, runId, List.of(rows), rows.size());
    }

    /**
     * Publishes a partition with one data file per element of {@code files}, and a manifest promising
     * {@code promisedRecords} rows (tests that the loader checks it pass a wrong number).
     */
    public Path publish(String date, String runId, List<List<GenericRecord>> files, long promisedRecords) {
        Path dir = writeData(date, files);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            names.add(partName(i));
        }
        writeManifest(dir, new PartitionManifest(Dataset.MARKET_TICKS.dirName(), date, runId, promisedRecords, 0, 0,
                names, List.of("raw/upbit/" + date + "/upbit.w1.000000000001-000000000100.jsonl"),
                Instant.parse("2026-11-23T00:10:00Z")));
        return dir;
    }

    /** Writes data files, {@code _SUCCESS} and {@code _rejects/} but no manifest: a partition still being published. */
    public Path writeData(String date, List<List<GenericRecord>> files) {
        Path dir = root.resolve("cleaned").resolve(Dataset.MARKET_TICKS.dirName()).resolve(date);
        try {
            Files.createDirectories(dir.resolve(HdfsLayout.REJECTS_DIR));
            for (int i = 0; i < files.size(); i++) {
                Path file = dir.resolve(partName(i));
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir.resolve("." + partName(i) + ".crc"));
                writeParquet(file, files.get(i));
            }
            Files.writeString(dir.resolve(HdfsLayout.SUCCESS_NAME), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Writes (or replaces) the manifest of a partition directory. */
    public void writeManifest(Path dir, PartitionManifest manifest) {
        try {
            Files.writeString(dir.resolve(HdfsLayout.MANIFEST_NAME), manifest.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeParquet(Path file, List<GenericRecord> rows) throws IOException {
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter
                .<GenericRecord>builder(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))
                .withSchema(DatasetSchemas.MARKET_TICK)
                .withDataModel(GenericData.get())
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
    }

    private static String partName(int index) {
        return String.format("part-r-%05d.parquet", index);
    }

    /** A tick with the optional figures filled in. */
    public static GenericRecord tick(String symbol, double price, String timestamp) {
        return record("upbit", symbol, price, price * 0.99, 1.01, 10.5, price * 10.5, timestamp);
    }

    /** A tick with every field given; {@code null} optional figures stay null. */
    public static GenericRecord record(String source, String symbol, double price, Double prevClosingPrice,
            Double change24h, Double volume24h, Double accTradePrice24h, String timestamp) {
        Instant time = Instant.parse(timestamp);
        return new GenericRecordBuilder(DatasetSchemas.MARKET_TICK)
                .set("source", source)
                .set("symbol", symbol)
                .set("quote_currency", "KRW")
                .set("price", price)
                .set("prev_closing_price", prevClosingPrice)
                .set("change_24h", change24h)
                .set("volume_24h", volume24h)
                .set("acc_trade_price_24h", accTradePrice24h)
                .set("timestamp", time.toEpochMilli())
                .set("crawled_at", time.plusMillis(1500).toEpochMilli())
                .set("worker_id", "w1")
                .set("seq", 1L)
                .build();
    }

    /** Reads a fixture {@code fixtures/market_ticks/<name>.rows.json} (see the README beside it) into records. */
    public static List<GenericRecord> fixture(String name) {
        String resource = "/fixtures/market_ticks/" + name + ".rows.json";
        try (InputStream in = MarketTickPartitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            List<GenericRecord> rows = new ArrayList<>();
            for (JsonNode row : JSON.readTree(in)) {
                rows.add(new GenericRecordBuilder(DatasetSchemas.MARKET_TICK)
                        .set("source", row.get("source").asText())
                        .set("symbol", row.get("symbol").asText())
                        .set("quote_currency", row.get("quote_currency").asText())
                        .set("price", row.get("price").asDouble())
                        .set("prev_closing_price", optional(row, "prev_closing_price"))
                        .set("change_24h", optional(row, "change_24h"))
                        .set("volume_24h", optional(row, "volume_24h"))
                        .set("acc_trade_price_24h", optional(row, "acc_trade_price_24h"))
                        .set("timestamp", Instant.parse(row.get("timestamp").asText()).toEpochMilli())
                        .set("crawled_at", Instant.parse(row.get("crawled_at").asText()).toEpochMilli())
                        .set("worker_id", row.get("worker_id").asText())
                        .set("seq", row.get("seq").asLong())
                        .build());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double optional(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asDouble();
    }
}
