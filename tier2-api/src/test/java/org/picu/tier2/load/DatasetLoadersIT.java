package org.picu.tier2.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picu.tier2.testing.DatasetPartitions.candle;
import static org.picu.tier2.testing.DatasetPartitions.fearGreed;
import static org.picu.tier2.testing.DatasetPartitions.indicator;
import static org.picu.tier2.testing.DatasetPartitions.insight;
import static org.picu.tier2.testing.DatasetPartitions.news;
import static org.picu.tier2.testing.DatasetPartitions.newsKey;
import static org.picu.tier2.testing.DatasetPartitions.sentiment;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.model.layout.Dataset;
import org.picu.tier2.testing.DatasetPartitions;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.TableSnapshots;
import org.picu.tier2.testing.TestFiles;
import org.picu.tier2.testing.TestHadoop;

/** Every dataset's loader against a real MariaDB: mapping, exactly-once, re-publication, bad rows, the lock. */
class DatasetLoadersIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private DataSource dataSource;
    private DatasetPartitions partitions;
    private FileSystem fs;

    @BeforeEach
    void setUp(TestInfo test) throws IOException {
        dataSource = MARIADB.freshDatabase();
        Path root = Path.of("target", "partitions", "DatasetLoadersIT", test.getTestMethod().orElseThrow().getName());
        TestFiles.deleteRecursively(root);
        partitions = new DatasetPartitions(root);
        fs = FileSystem.newInstance(URI.create("file:///"), TestHadoop.conf());
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    private LoadReport loadAll(int batchSize) throws IOException {
        return new PartitionLoader(dataSource, fs, partitions.layout(), batchSize).loadNew(DatasetLoaders.all());
    }

    private void publishOneDayOfEverything(String runId) {
        partitions.publish(Dataset.NEWS, "20261122", runId, List.of(
                news(1, "비트코인 🚀 신고가", "2026-11-22T09:00:00Z"),
                news(2, "Ether ETF flows", null)));
        partitions.publish(Dataset.NEWS_SENTIMENT, "20261122", runId, List.of(
                sentiment(1, 0.8, "positive"), sentiment(2, -0.1, "neutral")));
        partitions.publish(Dataset.FEAR_GREED, "20261122", runId, List.of(
                fearGreed(72, "Greed", "2026-11-22T00:00:00Z")));
        partitions.publish(
                Dataset.MARKET_TICKS, "20261122", runId, DatasetPartitions.ticks(6, 2, "2026-11-22T00:00:00Z", 0));
        partitions.publish(Dataset.CANDLES_1H, "20261122", runId, List.of(
                candle("BTC", "2026-11-22T00:00:00Z", 100, 105, 3.5),
                candle("BTC", "2026-11-22T01:00:00Z", 105, 99, null)));
        partitions.publish(Dataset.INDICATORS, "20261122", runId, List.of(
                indicator("BTC", "2026-11-22T00:00:00Z", 105, null),
                indicator("BTC", "2026-11-22T01:00:00Z", 99, 41.5)));
        partitions.publish(Dataset.INSIGHTS, "20261122", runId, List.of(
                insight("volume_spike", "BTC", "2026-11-22T00:00:00Z", 3.2, 1, 2)));
    }

    @Test
    void loads_every_dataset_into_its_table_with_utc_times_json_arrays_and_nulls() throws Exception {
        publishOneDayOfEverything("run-1");

        LoadReport report = loadAll(1000);

        assertEquals(7, report.loaded(), report.toString());
        assertEquals(0, report.failed());
        assertEquals(Map.of("news", 2, "news_sentiment", 2, "fear_greed_index", 1, "market_trends", 6, "candles", 2,
                "technical_indicators", 2, "crypto_insights", 1, "load_ledger", 7),
                TableSnapshots.counts(TableSnapshots.of(dataSource)));
        assertEquals(
                "비트코인 🚀 신고가|2026-11-22 09:00:00.000|[\"BTC\",\"비트코인\"]|ko",
                text(
                        "SELECT CONCAT_WS('|', title, published_at, keywords, language) FROM news WHERE news_key = ?",
                        newsKey(1)));
        assertNull(text("SELECT published_at FROM news WHERE news_key = ?", newsKey(2)));
        assertEquals("positive|0.8|[\"상승\",\"rally\"]|lex-1", text("SELECT CONCAT_WS('|', label, score, matched_terms, "
                + "lexicon_version) FROM news_sentiment WHERE news_key = ?", newsKey(1)));
        assertEquals("72|Greed|cnn_fear_greed", text("SELECT CONCAT_WS('|', value, classification, source) "
                + "FROM fear_greed_index WHERE `timestamp` = ?", "2026-11-22 00:00:00"));
        assertEquals(
                "upbit|100|106|99|105|3.5|60",
                text(
                        "SELECT CONCAT_WS('|', source, open, high, low, close, volume, "
                                + "tick_count) FROM candles WHERE symbol = 'BTC' AND `timestamp` = ?",
                        "2026-11-22 00:00:00"));
        assertNull(text("SELECT volume FROM candles WHERE `timestamp` = ?", "2026-11-22 01:00:00"));
        assertNull(text("SELECT rsi FROM technical_indicators WHERE `timestamp` = ?", "2026-11-22 00:00:00"));
        assertEquals("41.5|12.5|10|2.5", text("SELECT CONCAT_WS('|', rsi, macd, macd_signal, macd_histogram) "
                + "FROM technical_indicators WHERE `timestamp` = ?", "2026-11-22 01:00:00"));
        assertEquals("warning|3.2|2|[\"" + newsKey(1) + "\",\"" + newsKey(2) + "\"]|2026-11-22 01:00:00.000",
                text("SELECT CONCAT_WS('|', severity, value, threshold, related_news, window_end) FROM crypto_insights "
                        + "WHERE insight_type = ?", "volume_spike"));
        assertEquals("2026-11-22|run-1", text("SELECT DISTINCT CONCAT_WS('|', partition_date, load_run_id) "
                + "FROM candles WHERE symbol = ?", "BTC"));
    }

    @Test
    void loading_everything_again_changes_nothing() throws Exception {
        publishOneDayOfEverything("run-1");
        loadAll(1000);
        Map<String, List<String>> before = TableSnapshots.of(dataSource);
        String maxNewsId = text("SELECT MAX(id) FROM news");

        LoadReport again = loadAll(1000);

        assertEquals(0, again.loaded());
        assertEquals(7, again.skipped());
        assertEquals(before, TableSnapshots.of(dataSource));
        assertEquals(maxNewsId, text("SELECT MAX(id) FROM news"));
    }

    @Test
    void a_republished_day_replaces_its_rows_and_keeps_the_news_id_of_a_kept_article() throws Exception {
        publishOneDayOfEverything("run-1");
        loadAll(1000);
        String idOfArticle2 = text("SELECT id FROM news WHERE news_key = ?", newsKey(2));

        // run-2 of the same day: article 1 is gone, article 2 changed its title, article 3 is new
        partitions.publish(Dataset.NEWS, "20261122", "run-2", List.of(
                news(2, "Ether ETF flows, updated", null), news(3, "Solana upgrade", "2026-11-22T10:00:00Z")));
        partitions.publish(Dataset.CANDLES_1H, "20261122", "run-2", List.of(
                candle("BTC", "2026-11-22T00:00:00Z", 100, 107, 4.0)));
        LoadReport report = loadAll(1); // batch size 1 exercises the smallest batches

        assertEquals(2, report.loaded(), report.toString());
        assertEquals("2|3", text("SELECT GROUP_CONCAT(CAST(CONV(RIGHT(news_key, 4), 16, 10) AS CHAR) ORDER BY news_key "
                + "SEPARATOR '|') FROM news"));
        assertEquals(idOfArticle2, text("SELECT id FROM news WHERE news_key = ?", newsKey(2)));
        assertEquals("Ether ETF flows, updated|run-2", text("SELECT CONCAT_WS('|', title, load_run_id) FROM news "
                + "WHERE news_key = ?", newsKey(2)));
        assertEquals("107|run-2", text("SELECT GROUP_CONCAT(CONCAT_WS('|', close, load_run_id)) FROM candles "
                + "WHERE symbol = ?", "BTC"));
        // the other datasets were not re-published: their run-1 rows stay
        assertEquals("2", text("SELECT COUNT(*) FROM technical_indicators WHERE load_run_id = ?", "run-1"));
    }

    // a bad record is data, not a crash: its partition fails as a whole, the rest of the load goes on
    @Test
    void a_partition_with_a_non_finite_required_number_loads_nothing_and_the_others_still_load() throws Exception {
        partitions.publish(Dataset.CANDLES_1H, "20261122", "run-1", List.of(
                candle("BTC", "2026-11-22T00:00:00Z", 100, 105, 1.0),
                candle("ETH", "2026-11-22T00:00:00Z", Double.NaN, 105, 1.0)));
        partitions.publish(Dataset.FEAR_GREED, "20261122", "run-1", List.of(
                fearGreed(20, "Extreme Fear", "2026-11-22T00:00:00Z")));

        LoadReport report = loadAll(1);

        assertEquals(1, report.loaded());
        assertEquals(1, report.failed());
        PartitionOutcome failure = report.failures().get(0);
        assertEquals(Dataset.CANDLES_1H, failure.dataset());
        assertTrue(failure.detail().contains("part-r-00000.parquet") && failure.detail().contains("open"),
                failure.detail());
        assertEquals("0", text("SELECT COUNT(*) FROM candles"));
        assertEquals("0", text("SELECT COUNT(*) FROM load_ledger WHERE dataset = ?", "candles_1h"));
    }

    @Test
    void a_second_loader_backs_off_while_the_first_holds_the_load_lock() throws Exception {
        publishOneDayOfEverything("run-1");
        try (Connection other = dataSource.getConnection()) {
            assertTrue(LoadLock.tryAcquire(other));
            assertThrows(LoaderBusyException.class, () -> loadAll(1000));
            assertEquals("0", text("SELECT COUNT(*) FROM load_ledger"));
            LoadLock.release(other);
        }
        assertEquals(7, loadAll(1000).loaded());
    }

    private String text(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no row for " + sql);
                return row.getString(1);
            }
        }
    }
}
