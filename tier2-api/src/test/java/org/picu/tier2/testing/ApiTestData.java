package org.picu.tier2.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * A small, hand-made database for API tests, inserted with plain parameterised JDBC into the migrated schema. All
 * times are fixed around {@link #NOW} (the API under test runs on a clock fixed there), so responses can be compared
 * with golden files:
 *
 * <ul>
 *   <li>market_trends: BTC and ETH at 10:00 and 11:00, XRP at 11:30 — the summary must show each coin once;
 *   <li>news: two coinness items (one without a date) and one saveticker item; sentiment for two of them plus one
 *       analysed item from two days ago (outside the 24 h window);
 *   <li>fear_greed_index: 19-22 Nov at midnight, newest 72 Greed;
 *   <li>candles: 48 hourly BTC candles up to 11:00;
 *   <li>technical_indicators: BTC RSI 82.5 (critical) and ETH RSI 25 (warning);
 *   <li>crypto_insights: one of each type, severities critical, warning, normal.
 * </ul>
 */
public final class ApiTestData {
    /** The clock of the API under test. */
    public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    public static final String KEY_A = "a".repeat(64);
    public static final String KEY_B = "b".repeat(64);
    public static final String KEY_C = "c".repeat(64);
    private static final LocalDate PARTITION = LocalDate.of(2026, 11, 22);
    private static final String RUN = "seed-run";

    private ApiTestData() {
    }

    public static void seed(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            market(c, "BTC", 94_000_000.0, 1.5, 1000.0, "2026-11-22T10:00:00Z");
            market(c, "BTC", 95_000_000.0, 2.5, 1200.5, "2026-11-22T11:00:00Z");
            market(c, "ETH", 4_600_000.0, -4.0, 20000.0, "2026-11-22T10:00:00Z");
            market(c, "ETH", 4_500_000.0, -6.2, 21000.25, "2026-11-22T11:00:00Z");
            market(c, "XRP", 3150.0, 12.0, 5_000_000.0, "2026-11-22T11:30:00Z");
            news(
                    c,
                    KEY_A,
                    "coinness",
                    "Bitcoin hits a record",
                    "https://coinness.example/news/1",
                    "2026-11-22T11:00:00Z",
                    "[\"BTC\",\"record\"]");
            news(
                    c,
                    KEY_B,
                    "saveticker",
                    "이더리움 하락 전환",
                    "https://saveticker.example/n/2",
                    "2026-11-22T10:00:00Z",
                    "[\"ETH\"]");
            news(c, KEY_C, "coinness", "An item without a date", null, null, "[]");
            sentiment(c, KEY_A, 0.6, "positive", 0.8, "2026-11-22T11:00:00Z");
            sentiment(c, KEY_B, -0.4, "negative", 0.7, "2026-11-22T10:00:00Z");
            sentiment(c, "d".repeat(64), -1.0, "negative", 0.9, "2026-11-20T09:00:00Z");
            fearGreed(c, "2026-11-19T00:00:00Z", 40, "Fear");
            fearGreed(c, "2026-11-20T00:00:00Z", 50, "Neutral");
            fearGreed(c, "2026-11-21T00:00:00Z", 65, "Greed");
            fearGreed(c, "2026-11-22T00:00:00Z", 72, "Greed");
            Instant first = Instant.parse("2026-11-20T12:00:00Z");
            for (int i = 0; i < 48; i++) {
                double open = 90_000_000.0 + i * 100_000;
                double close = open + (i % 3 == 0 ? -50_000 : 80_000);
                candle(c, first.plusSeconds(3600L * i), open, Math.max(open, close) + 30_000,
                        Math.min(open, close) - 30_000, close, 10.0 + i);
            }
            indicator(c, "BTC", "2026-11-22T10:00:00Z", 94_800_000.0, 75.0, 1400.0, 1150.0, 250.0);
            indicator(c, "BTC", "2026-11-22T11:00:00Z", 95_000_000.0, 82.5, 1500.0, 1200.0, 300.0);
            indicator(c, "ETH", "2026-11-22T11:00:00Z", 4_500_000.0, 25.0, -10.0, -5.0, -5.0);
            insight(c, "volume_spike", "XRP", "critical", "XRP traded 2.4x its 7-day mean volume", 2.4, 1.5,
                    "2026-11-22T11:40:00Z");
            insight(
                    c,
                    "trend_reversal",
                    "BTC",
                    "warning",
                    "BTC RSI 82.5 overbought and MACD above its signal",
                    82.5,
                    70,
                    "2026-11-22T11:10:00Z");
            insight(c, "sentiment_shift", "BTC", "normal", "BTC news sentiment rose by 35%", 35, 30,
                    "2026-11-21T20:00:00Z");
            c.commit();
        }
    }

    private static void market(Connection c, String symbol, double price, double change, double volume, String at)
            throws SQLException {
        insert(c, "INSERT INTO market_trends (source, symbol, quote_currency, price, prev_closing_price, change_24h, "
                + "volume_24h, acc_trade_price_24h, `timestamp`, crawled_at, partition_date, load_run_id) "
                + "VALUES ('upbit', ?, 'KRW', ?, NULL, ?, ?, NULL, ?, ?, ?, ?)",
                symbol, price, change, volume, utc(at), utc(at), PARTITION, RUN);
    }

    private static void news(Connection c, String key, String source, String title, String url, String publishedAt,
            String keywords) throws SQLException {
        insert(
                c,
                "INSERT INTO news (news_key, source, title, url, content, published_at, keywords, language,"
                        + " crawled_at, partition_date, load_run_id) VALUES (?, ?, ?, ?, 'text', ?, ?, 'en', ?, ?, ?)",
                key,
                source,
                title,
                url,
                publishedAt == null ? null : utc(publishedAt),
                keywords,
                utc("2026-11-22T11:50:00Z"),
                PARTITION,
                RUN);
    }

    private static void sentiment(Connection c, String key, double score, String label, double confidence,
            String publishedAt) throws SQLException {
        insert(
                c,
                "INSERT INTO news_sentiment (news_key, score, label, confidence, matched_terms, lexicon_version,"
                    + " published_at, analyzed_at, partition_date, load_run_id) VALUES (?, ?, ?, ?, '[]', 'lex-1', ?,"
                    + " ?, ?, ?)",
                key,
                score,
                label,
                confidence,
                utc(publishedAt),
                utc("2026-11-22T11:55:00Z"),
                PARTITION,
                RUN);
    }

    private static void fearGreed(Connection c, String at, int value, String classification) throws SQLException {
        insert(
                c,
                "INSERT INTO fear_greed_index (`timestamp`, value, classification, source, crawled_at, partition_date, "
                        + "load_run_id) VALUES (?, ?, ?, 'fear_greed', ?, ?, ?)",
                utc(at),
                value,
                classification,
                utc(at),
                PARTITION,
                RUN);
    }

    private static void candle(Connection c, Instant at, double open, double high, double low, double close,
            double volume) throws SQLException {
        insert(
                c,
                "INSERT INTO candles (source, symbol, timeframe, `timestamp`, open, high, low, close, volume,"
                    + " tick_count, partition_date, load_run_id) VALUES ('upbit', 'BTC', '1h', ?, ?, ?, ?, ?, ?, 60,"
                    + " ?, ?)",
                LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                open,
                high,
                low,
                close,
                volume,
                PARTITION,
                RUN);
    }

    private static void indicator(Connection c, String symbol, String at, double close, double rsi, double macd,
            double signal, double histogram) throws SQLException {
        insert(
                c,
                "INSERT INTO technical_indicators (source, symbol, timeframe, `timestamp`, close, rsi, macd,"
                        + " macd_signal, macd_histogram, bb_upper, bb_middle, bb_lower, volume, partition_date,"
                        + " load_run_id) VALUES ('upbit', ?, '1h', ?, ?, ?, ?, ?, ?, ?, ?, ?, 12.5, ?, ?)",
                symbol,
                utc(at),
                close,
                rsi,
                macd,
                signal,
                histogram,
                close * 1.01,
                close,
                close * 0.99,
                PARTITION,
                RUN);
    }

    private static void insight(Connection c, String type, String symbol, String severity, String description,
            double value, double threshold, String createdAt) throws SQLException {
        insert(c, "INSERT INTO crypto_insights (insight_type, symbol, window_start, window_end, severity, description, "
                + "value, threshold, related_news, created_at, partition_date, load_run_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)", type, symbol, utc("2026-11-22T00:00:00Z"),
                utc("2026-11-22T12:00:00Z"), severity, description, value, threshold, utc(createdAt), PARTITION, RUN);
    }

    private static LocalDateTime utc(String instant) {
        return LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
