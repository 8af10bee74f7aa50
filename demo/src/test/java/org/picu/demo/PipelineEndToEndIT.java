package org.picu.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picu.testkit.replay.ReplayServer;
import org.picu.tier2.Tier2Service;
import org.picu.tier2.api.ApiServer;
import org.picu.tier2.db.EmbeddedMariaDb;

/**
 * The walking skeleton end to end on real components: recorded Upbit API on loopback → worker crawl and
 * spool → upload to a MiniDFSCluster → clean-market on the local job runner reading and writing HDFS →
 * loader into a real MariaDB server → HTTP request to the API. Then the whole pipeline runs a second time
 * and must add no rows.
 */
class PipelineEndToEndIT {
    /** The worker's default symbol list; KRW-MATIC is no longer listed on Upbit, so it yields nothing. */
    private static final List<String> DEFAULT_SYMBOLS =
            List.of("BTC", "ETH", "XRP", "ADA", "DOGE", "SOL", "DOT", "MATIC", "AVAX", "LINK");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MiniDFSCluster dfs;
    private static EmbeddedMariaDb mariaDb;

    @BeforeAll
    static void startServers() throws Exception {
        Path base = Paths.get("target", "e2e").toAbsolutePath();
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("minidfs").toString());
        // closing a file retries the NameNode's block completion after 20 ms instead of 400 ms (test clusters only)
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 20);
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        mariaDb = EmbeddedMariaDb.start(base.resolve("mariadb"), 0);
        mariaDb.createDatabase("picu_e2e");
    }

    @AfterAll
    static void stopServers() {
        if (mariaDb != null) {
            mariaDb.close();
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    @Test
    void recorded_tickers_reach_the_api_exactly_once_and_a_second_run_adds_nothing() throws Exception {
        Path work = Paths.get("target", "e2e", "work").toAbsolutePath();
        deleteRecursively(work);
        URI hdfs = URI.create("hdfs://127.0.0.1:" + dfs.getNameNodePort() + "/");
        Set<String> expected = expectedTickers();

        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            LocalPipeline pipeline = new LocalPipeline(work, hdfs, upbit.baseUrl());
            String tier2Yaml = pipeline.tier2Yaml("""
                database:
                  url: %s
                  user: %s
                  pool-size: 2
                """.formatted(mariaDb.jdbcUrl("picu_e2e"), EmbeddedMariaDb.USER), 0);

            pipeline.crawlAndUpload();
            assertTrue(
                    dfs.getFileSystem().exists(new org.apache.hadoop.fs.Path("/raw/upbit")), "raw files are in HDFS");
            pipeline.runJobs();
            int published = pipeline.publishedPartitionCount();
            assertTrue(published >= 2, "market_ticks and the datasets derived from it are published: " + published);
            try (Tier2Service tier2 = pipeline.openTier2(tier2Yaml)) {
                assertEquals(published, tier2.load().loaded(), "every published partition is loaded once");
                ApiServer api = tier2.startApi();
                assertEquals(expected, trends(api));
                assertEquals(expected.size(), rowCount(tier2));
                assertEquals(200, get(api, "/health").statusCode());
            }

            // A second full run: the replay serves the same tickers, which are crawled into new spool files
            // with new sequence numbers, uploaded, cleaned and re-published under a new run id.
            pipeline.crawlAndUpload();
            pipeline.runJobs();
            try (Tier2Service tier2 = pipeline.openTier2(tier2Yaml)) {
                assertEquals(
                        published, tier2.load().loaded(), "the re-published partitions are new runs and are loaded");
                ApiServer api = tier2.startApi();
                assertEquals(expected, trends(api));
                assertEquals(expected.size(), rowCount(tier2), "the second run added no rows");
                assertEquals(0, tier2.load().loaded(), "loading the same partition again is a no-op");
            }
            assertEquals(4, upbit.requestCount(), "each run asks for the market list and one batch of tickers");
        }
    }

    /**
     * The same pipeline in Hadoop standalone mode (local file system), as ./picu-demo runs it. Regression:
     * tier-2 once read {@code /cleaned} of the local disk instead of the layout below {@code hdfs.uri}'s path.
     */
    @Test
    void standalone_mode_on_the_local_file_system_serves_the_same_tickers() throws Exception {
        Path work = Paths.get("target", "e2e", "standalone").toAbsolutePath();
        deleteRecursively(work);
        Path storage = Files.createDirectories(work.resolve("hdfs"));
        mariaDb.createDatabase("picu_standalone");
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            LocalPipeline pipeline = new LocalPipeline(work, storage.toUri(), upbit.baseUrl());
            pipeline.crawlAndUpload();
            pipeline.runJobs();
            String database = "database:\n  url: " + mariaDb.jdbcUrl("picu_standalone") + "\n  user: "
                    + EmbeddedMariaDb.USER + "\n";
            try (Tier2Service tier2 = pipeline.openTier2(pipeline.tier2Yaml(database, 0))) {
                assertEquals(pipeline.publishedPartitionCount(), tier2.load().loaded());
                assertEquals(expectedTickers(), trends(tier2.startApi()));
            }
        }
    }

    /** symbol|price|UTC timestamp|volume of each default-symbol KRW ticker in the recorded responses. */
    private static Set<String> expectedTickers() throws Exception {
        JsonNode tickers;
        try (InputStream in = ReplayServer.class.getResourceAsStream("/sites/upbit/ticker.json")) {
            tickers = JSON.readTree(in);
        }
        Set<String> expected = new TreeSet<>();
        for (JsonNode t : tickers) {
            String market = t.get("market").asText();
            String symbol = market.substring(market.indexOf('-') + 1);
            if (market.startsWith("KRW-") && DEFAULT_SYMBOLS.contains(symbol)) {
                expected.add(symbol + "|"
                        + new BigDecimal(t.get("trade_price").asText())
                                .stripTrailingZeros()
                                .toPlainString()
                        + "|" + Instant.ofEpochMilli(t.get("trade_timestamp").asLong())
                        + "|"
                        + new BigDecimal(t.get("acc_trade_volume_24h").asText())
                                .setScale(6, RoundingMode.HALF_UP)
                                .toPlainString());
            }
        }
        assertEquals(9, expected.size(), "the recording lists nine of the ten default symbols");
        return expected;
    }

    private static Set<String> trends(ApiServer api) throws Exception {
        HttpResponse<String> response = get(api, "/api/market/trends?limit=1000");
        assertEquals(200, response.statusCode(), response.body());
        Set<String> seen = new TreeSet<>();
        JsonNode trends = JSON.readTree(response.body()).get("trends");
        for (JsonNode t : trends) {
            assertEquals("upbit", t.get("source").asText());
            String ts = t.get("timestamp").asText();
            assertTrue(ts.endsWith("Z"), "timestamps are UTC: " + ts);
            seen.add(t.get("symbol").asText() + "|"
                    + new BigDecimal(t.get("price").asText())
                            .stripTrailingZeros()
                            .toPlainString()
                    + "|" + Instant.parse(ts)
                    + "|"
                    + new BigDecimal(t.get("volume_24h").asText())
                            .setScale(6, RoundingMode.HALF_UP)
                            .toPlainString());
        }
        assertEquals(trends.size(), seen.size(), "no ticker is listed twice");
        return seen;
    }

    private static HttpResponse<String> get(ApiServer api, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long rowCount(Tier2Service tier2) throws Exception {
        try (Connection c = tier2.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM market_trends")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
