package org.picu.tier2.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.Schema;
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
 * Publishes partitions of any cleaned dataset on the local disk as the MapReduce jobs do ({@code part-r-NNNNN.parquet}
 * files, {@code _SUCCESS}, {@code _rejects/}, {@code _manifest.json} last), plus one record builder per dataset.
 * Rows come as an iterator so that a benchmark can publish a million without holding them in memory.
 */
public final class DatasetPartitions {
    private final Path root;
    private final Configuration conf = TestHadoop.conf();

    /** @param root local directory used as the layout root */
    public DatasetPartitions(Path root) {
        this.root = root.toAbsolutePath();
    }

    public HdfsLayout layout() {
        return new HdfsLayout(root.toUri().toString());
    }

    public String rootUri() {
        return root.toUri().toString();
    }

    /** Publishes one data file holding {@code rows}. */
    public Path publish(Dataset dataset, String date, String runId, List<GenericRecord> rows) {
        return publish(dataset, date, runId, rows.iterator());
    }

    /** Publishes one data file holding every row of {@code rows}; replaces an earlier publication of the date. */
    public Path publish(Dataset dataset, String date, String runId, Iterator<GenericRecord> rows) {
        Path dir = root.resolve("cleaned").resolve(dataset.dirName()).resolve(date);
        String name = "part-r-00000.parquet";
        long count = 0;
        try {
            Files.deleteIfExists(dir.resolve(HdfsLayout.MANIFEST_NAME)); // unpublished while it is rewritten
            Files.createDirectories(dir.resolve(HdfsLayout.REJECTS_DIR));
            Files.deleteIfExists(dir.resolve(name));
            Files.deleteIfExists(dir.resolve("." + name + ".crc"));
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                            HadoopOutputFile.fromPath(
                                    new org.apache.hadoop.fs.Path(
                                            dir.resolve(name).toUri()),
                                    conf))
                    .withSchema(schemaOf(dataset))
                    .withDataModel(GenericData.get())
                    .withConf(conf)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .build()) {
                while (rows.hasNext()) {
                    writer.write(rows.next());
                    count++;
                }
            }
            Files.writeString(dir.resolve(HdfsLayout.SUCCESS_NAME), "");
            PartitionManifest manifest = new PartitionManifest(dataset.dirName(), date, runId, count, 0, 0,
                    List.of(name), List.of(), Instant.parse("2026-11-23T00:10:00Z"));
            Files.writeString(dir.resolve(HdfsLayout.MANIFEST_NAME), manifest.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public static Schema schemaOf(Dataset dataset) {
        return switch (dataset) {
            case MARKET_TICKS -> DatasetSchemas.MARKET_TICK;
            case NEWS -> DatasetSchemas.NEWS;
            case FEAR_GREED -> DatasetSchemas.FEAR_GREED;
            case CANDLES_1H -> DatasetSchemas.CANDLE;
            case INDICATORS -> DatasetSchemas.INDICATOR;
            case NEWS_SENTIMENT -> DatasetSchemas.NEWS_SENTIMENT;
            case INSIGHTS -> DatasetSchemas.INSIGHT;
        };
    }

    private static long millis(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    /** A 64-character lower-case hex key derived from {@code seed}, shaped like a NewsArticle id. */
    public static String newsKey(int seed) {
        return String.format("%064x", seed);
    }

    public static GenericRecord news(int seed, String title, String publishedAt) {
        return new GenericRecordBuilder(DatasetSchemas.NEWS)
                .set("id", newsKey(seed))
                .set("source", "coinness")
                .set("title", title)
                .set("url", "https://coinness.example/news/" + seed)
                .set("content", "본문 " + title + " — plain text content")
                .set("published_at", publishedAt == null ? null : millis(publishedAt))
                .set("keywords", List.of("BTC", "비트코인"))
                .set("language", "ko")
                .set("crawled_at", millis("2026-11-22T12:00:00Z"))
                .set("worker_id", "w1")
                .set("seq", (long) seed)
                .build();
    }

    public static GenericRecord sentiment(int seed, double score, String label) {
        return new GenericRecordBuilder(DatasetSchemas.NEWS_SENTIMENT)
                .set("news_id", newsKey(seed))
                .set("score", score)
                .set("label", label)
                .set("confidence", 0.75)
                .set("matched_terms", List.of("상승", "rally"))
                .set("lexicon_version", "lex-1")
                .set("published_at", millis("2026-11-22T09:00:00Z"))
                .set("analyzed_at", millis("2026-11-23T00:05:00Z"))
                .build();
    }

    public static GenericRecord fearGreed(int value, String classification, String timestamp) {
        return new GenericRecordBuilder(DatasetSchemas.FEAR_GREED)
                .set("source", "cnn_fear_greed")
                .set("value", value)
                .set("classification", classification)
                .set("timestamp", millis(timestamp))
                .set("crawled_at", millis(timestamp) + 60_000)
                .set("worker_id", "w1")
                .set("seq", 1L)
                .build();
    }

    public static GenericRecord candle(String symbol, String timestamp, double open, double close, Double volume) {
        return new GenericRecordBuilder(DatasetSchemas.CANDLE)
                .set("source", "upbit")
                .set("symbol", symbol)
                .set("timeframe", "1h")
                .set("timestamp", millis(timestamp))
                .set("open", open)
                .set("high", Math.max(open, close) + 1)
                .set("low", Math.min(open, close) - 1)
                .set("close", close)
                .set("volume", volume)
                .set("tick_count", 60)
                .build();
    }

    /** An indicator row; {@code rsi} null stands for "not enough history yet". */
    public static GenericRecord indicator(String symbol, String timestamp, double close, Double rsi) {
        return new GenericRecordBuilder(DatasetSchemas.INDICATOR)
                .set("source", "upbit")
                .set("symbol", symbol)
                .set("timeframe", "1h")
                .set("timestamp", millis(timestamp))
                .set("close", close)
                .set("rsi_14", rsi)
                .set("macd", 12.5)
                .set("macd_signal", 10.0)
                .set("macd_histogram", 2.5)
                .set("bb_upper", close * 1.02)
                .set("bb_middle", close)
                .set("bb_lower", close * 0.98)
                .set("volume", null)
                .build();
    }

    public static GenericRecord insight(
            String type, String symbol, String windowStart, double value, int... newsSeeds) {
        List<String> related = new ArrayList<>();
        for (int seed : newsSeeds) {
            related.add(newsKey(seed));
        }
        return new GenericRecordBuilder(DatasetSchemas.INSIGHT)
                .set("type", type)
                .set("symbol", symbol)
                .set("window_start", millis(windowStart))
                .set("window_end", millis(windowStart) + 3_600_000)
                .set("severity", "warning")
                .set("description", symbol + " " + type + " " + value)
                .set("value", value)
                .set("threshold", 2.0)
                .set("related_news", related)
                .set("created_at", millis("2026-11-23T00:06:00Z"))
                .build();
    }

    /** {@code count} market ticks of {@code symbols} symbols, one per symbol and second from {@code start}. */
    public static Iterator<GenericRecord> ticks(int count, int symbols, String start, double priceOffset) {
        long startMillis = millis(start);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public GenericRecord next() {
                int i = next++;
                long time = startMillis + (i / symbols) * 1000L;
                double price = 1000 + (i % 997) + priceOffset;
                return new GenericRecordBuilder(DatasetSchemas.MARKET_TICK)
                        .set("source", "upbit")
                        .set("symbol", "S" + (i % symbols))
                        .set("quote_currency", "KRW")
                        .set("price", price)
                        .set("prev_closing_price", price * 0.99)
                        .set("change_24h", 1.01)
                        .set("volume_24h", 10.5 + i % 13)
                        .set("acc_trade_price_24h", price * 10.5)
                        .set("day_volume", 3.25)
                        .set("timestamp", time)
                        .set("crawled_at", time + 1500)
                        .set("worker_id", "w1")
                        .set("seq", (long) i)
                        .build();
            }
        };
    }
}
