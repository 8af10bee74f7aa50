package org.picu.tier2.api;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.picu.tier2.config.ApiCacheConfig;
import org.picu.tier2.config.HttpConfig;
import org.picu.tier2.config.Secret;
import org.picu.tier2.db.DataSources;
import org.picu.tier2.db.DatabaseMigrations;
import org.picu.tier2.db.EmbeddedMariaDb;

/**
 * The API benchmark's server (run by {@code bench/tier2-api.sh}, not a test): the bundled MariaDB under
 * {@code <dir>/mariadb} filled once with 1 million news (and their sentiment) and 1 million market rows by bulk
 * {@code INSERT ... SELECT} over MariaDB's sequence engine, plus candles, indicators, Fear &amp; Greed and insights;
 * then the standard routes on a port, until stdin closes, and the same routes without the response cache on another.
 * Prints {@code UNCACHED <base-url>} and then {@code READY <base-url>} (cached) when serving.
 */
public final class ApiBenchmarkServer {
    private static final String DATABASE = "picu_bench";
    private static final String SYMBOLS = "'BTC','ETH','XRP','ADA','DOGE','SOL','DOT','AVAX','LINK','TRX',"
            + "'BCH','LTC','ETC','XLM','ATOM','NEAR','APT','ARB','OP','SUI'";

    private ApiBenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "tier2-api/target/bench-api").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Files.createDirectories(dir);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(dir.resolve("mariadb"), 0,
                dir.resolve("binaries"), false))) {
            db.createDatabase(DATABASE);
            try (HikariDataSource pool =
                            DataSources.pool(db.jdbcUrl(DATABASE), EmbeddedMariaDb.USER, Secret.EMPTY, threads);
                    HikariDataSource uncachedPool =
                            DataSources.pool(db.jdbcUrl(DATABASE), EmbeddedMariaDb.USER, Secret.EMPTY, threads)) {
                DatabaseMigrations.migrate(pool);
                fill(pool);
                // the same routes twice: with the response cache (the default) and without it (api.cache.enabled:
                // false)
                try (ApiServer api = ApiServer.start(
                                new HttpConfig("127.0.0.1", port, threads),
                                ApiRoutes.standard(context(pool, ApiCacheConfig.defaults())));
                        ApiServer uncached = ApiServer.start(
                                new HttpConfig("127.0.0.1", 0, threads),
                                ApiRoutes.standard(context(uncachedPool, ApiCacheConfig.disabled())))) {
                    scanCheck(pool, uncached.baseUrl());
                    System.out.println("UNCACHED " + uncached.baseUrl());
                    System.out.println("READY " + api.baseUrl());
                    System.out.flush();
                    while (System.in.read() >= 0) {
                        // serve until the script closes our stdin
                    }
                }
            }
        }
    }

    private static ApiContext context(HikariDataSource pool, ApiCacheConfig cache) {
        ApiContext databaseOnly = ApiContext.databaseOnly(pool, "bench");
        return new ApiContext(pool, "bench", databaseOnly.api().withCache(cache), databaseOnly.loads(),
                databaseOnly.fileSystems(), databaseOnly.layout(), databaseOnly.clock());
    }

    private static void fill(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (count(s, "SELECT COUNT(*) FROM news") >= 1_000_000
                    && count(s, "SELECT COUNT(*) FROM market_trends") >= 1_000_000) {
                System.out.println("database already filled");
                return;
            }
            long start = System.nanoTime();
            for (String table : List.of("news", "news_sentiment", "market_trends", "candles", "technical_indicators",
                    "fear_greed_index", "crypto_insights")) {
                s.execute("TRUNCATE TABLE " + table);
            }
            // The newest rows end at the current hour, so "the last 24 hours" holds a realistic share of them.
            s.execute("SET @now = TIMESTAMP(DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:00:00'))");
            // 1M news over ~3 years (one every 95 s, ~900 a day), three sources; every item analysed
            s.execute("INSERT INTO news (news_key, source, title, url, content, published_at, keywords, language,"
                    + " crawled_at, partition_date, load_run_id) SELECT SHA2(seq, 256), ELT(1 + seq MOD 3,"
                    + " 'coinness', 'saveticker', 'perplexity'), CONCAT('Market news item ', seq),"
                    + " CONCAT('https://news.example/item/', seq), REPEAT('Bitcoin and the market moved. ', 10),"
                    + " @now - INTERVAL seq * 95 SECOND, JSON_ARRAY(ELT(1 + seq MOD 20, " + SYMBOLS
                    + "), 'market'), 'en', @now - INTERVAL seq * 95 SECOND, "
                    + "DATE(@now - INTERVAL seq * 95 SECOND), 'bench' FROM seq_1_to_1000000");
            s.execute("INSERT INTO news_sentiment (news_key, score, label, confidence, matched_terms, lexicon_version,"
                    + " published_at, analyzed_at, partition_date, load_run_id) SELECT news_key, ROUND(SIN(id) , 2),"
                    + " IF(SIN(id) > 0.2, 'positive', IF(SIN(id) < -0.2, 'negative', 'neutral')), 0.7, '[]', 'bench',"
                    + " published_at, crawled_at, partition_date, 'bench' FROM news");
            // 1M market rows: 20 symbols, one observation every 5 minutes each (~174 days)
            s.execute(
                    "INSERT INTO market_trends (source, symbol, quote_currency, price, prev_closing_price, change_24h, "
                            + "volume_24h, acc_trade_price_24h, `timestamp`, crawled_at, partition_date, load_run_id) "
                            + "SELECT 'upbit', ELT(1 + seq MOD 20, " + SYMBOLS
                            + "), 'KRW', 1000 + (seq MOD 20) * 50000 + seq MOD 997, 1000, SIN(seq) * 8, 1000 + seq MOD"
                            + " 5000, 1000000 + seq, @now - INTERVAL (seq DIV 20) * 5 MINUTE, @now - INTERVAL (seq DIV"
                            + " 20) * 5 MINUTE, DATE(@now - INTERVAL (seq DIV 20) * 5 MINUTE), 'bench' FROM"
                            + " seq_0_to_999999");
            // hourly candles and indicators for 20 symbols over ~174 days
            s.execute("INSERT INTO candles (source, symbol, timeframe, `timestamp`, open, high, low, close, volume,"
                    + " tick_count, partition_date, load_run_id) SELECT 'upbit', ELT(1 + seq MOD 20, " + SYMBOLS
                    + "), '1h', @now - INTERVAL (seq DIV 20) HOUR, 100 + SIN(seq / 20) * 10, 112, 88, 100 +"
                    + " COS(seq / 20) * 10, seq MOD 500, 12, DATE(@now - INTERVAL (seq DIV 20) HOUR), 'bench'"
                    + " FROM seq_0_to_83999");
            s.execute("INSERT INTO technical_indicators (source, symbol, timeframe, `timestamp`, close, rsi, macd,"
                    + " macd_signal, macd_histogram, bb_upper, bb_middle, bb_lower, volume, partition_date,"
                    + " load_run_id) SELECT 'upbit', ELT(1 + seq MOD 20, " + SYMBOLS
                    + "), '1h', @now - INTERVAL (seq DIV 20) HOUR, 100, 50 + SIN(seq) * 40, 1, 0.5, 0.5, 110,"
                    + " 100, 90, 10, DATE(@now - INTERVAL (seq DIV 20) HOUR), 'bench' FROM seq_0_to_83999");
            s.execute("INSERT INTO fear_greed_index (`timestamp`, value, classification, source, crawled_at,"
                    + " partition_date, load_run_id) SELECT @now - INTERVAL seq DAY, 50, 'Neutral', 'fear_greed',"
                    + " @now, DATE(@now), 'bench' FROM seq_0_to_364");
            s.execute("INSERT INTO crypto_insights (insight_type, symbol, window_start, window_end, severity,"
                    + " description, value, threshold, related_news, created_at, partition_date, load_run_id)"
                    + " SELECT ELT(1 + seq MOD 3, 'sentiment_shift', 'volume_spike', 'trend_reversal'), ELT(1 +"
                    + " seq MOD 20, "
                    + SYMBOLS + "), @now - INTERVAL seq HOUR, @now - INTERVAL seq HOUR + INTERVAL 1 HOUR,"
                    + " ELT(1 + seq MOD 3, 'normal', 'warning', 'critical'), CONCAT('bench insight"
                    + " ', seq), 1, 1, '[]', @now - INTERVAL seq HOUR, DATE(@now), 'bench' FROM"
                    + " seq_0_to_9999");
            s.execute("ANALYZE TABLE news, news_sentiment, market_trends, candles, technical_indicators");
            System.out.printf("filled in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Calls every read endpoint once and prints how many rows MariaDB read by scanning tables or indexes in full
     * ({@code Handler_read_rnd_next}, global): an endpoint whose queries all use an index reads none or a handful,
     * one that scans reads about a million.
     */
    private static void scanCheck(HikariDataSource pool, String baseUrl) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/api/news/latest", "/api/news/latest?source=saveticker", "/api/dashboard/summary",
                "/api/market/trends", "/api/market/trends?symbol=ETH", "/api/candles/BTC",
                "/api/candles/BTC?from=2026-01-01&to=2026-12-31", "/api/dashboard/sentiment-timeline?days=7",
                "/api/news/12345/sentiment", "/api/insights/recent?severity=critical", "/api/fear-greed",
                "/api/technical-indicators/BTC", "/api/technical-indicators/BTC/history", "/api/alerts",
                "/api/pipeline/status")) {
            long before = scannedRows(pool);
            long start = System.nanoTime();
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(baseUrl + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - start) / 1000;
            System.out.printf("scan-check %-50s %d %7d bytes %6d us, rows read by full scans: %d%n", path,
                    response.statusCode(), response.body().length(), micros, scannedRows(pool) - before);
        }
    }

    private static long scannedRows(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Handler_read_rnd_next'")) {
            rows.next();
            return rows.getLong(2);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
