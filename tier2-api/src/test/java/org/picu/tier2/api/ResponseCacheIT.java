package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picu.tier2.testing.MarketTickPartitions.tick;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.tier2.config.ApiCacheConfig;
import org.picu.tier2.config.ApiConfig;
import org.picu.tier2.config.HttpConfig;
import org.picu.tier2.load.LoadReport;
import org.picu.tier2.load.MarketTicksLoader;
import org.picu.tier2.load.PartitionLoader;
import org.picu.tier2.testing.ApiClient;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.MarketTickPartitions;
import org.picu.tier2.testing.TestFiles;
import org.picu.tier2.testing.TestHadoop;

/**
 * The response cache over a real MariaDB and real HTTP: answers are served from memory until a load, and a load by
 * another process (here: another pool, no call into the API) is visible within the documented bound.
 */
class ResponseCacheIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);
    // the bound is one check interval + one ledger read + one computation; the rest is slack for a busy test
    // machine (CI shares two cores with mini clusters). Without the ledger watch the answer would stay for max-age (1
    // h).
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final String BTC = "/api/market/trends?symbol=BTC&limit=1";

    @Test
    void a_load_by_another_process_is_served_within_one_check_interval_and_nothing_else_changes_an_answer()
            throws Exception {
        DataSource dataSource = MARIADB.freshDatabase();
        MarketTickPartitions partitions = partitions("another-process");
        load(dataSource, partitions, "20261121", "run-1", 100);
        try (ApiServer api = start(dataSource, true, Duration.ofHours(1))) {
            ApiClient client = new ApiClient(api.baseUrl());
            HttpResponse<String> first = client.get(BTC);
            assertEquals(100.0, price(first));
            String etag = first.headers().firstValue("ETag").orElseThrow();

            // a change that bypasses the loader (and so the ledger) is not seen: the answer comes from the cache
            execute(dataSource, "UPDATE market_trends SET price = -1");
            HttpResponse<String> cached = client.get(BTC);
            assertEquals(first.body(), cached.body());
            assertEquals(etag, cached.headers().firstValue("ETag").orElseThrow());
            // a client holding that answer is told it is current, without a body
            HttpResponse<String> notModified = client.send("GET", BTC, Map.of("If-None-Match", etag), null);
            assertEquals(304, notModified.statusCode());
            assertEquals("", notModified.body());
            // the same query spelt differently is the same entry
            assertEquals(first.body(), client.get("/api/market/trends?limit=1&symbol=%42TC&source=").body());

            // a newer day loaded through another pool, as tier2 load from cron would
            long committed = load(dataSource, partitions, "20261122", "run-1", 200);
            long seen = waitForPrice(client, 200.0, committed);
            Duration bound = CHECK_INTERVAL.plus(SLACK);
            assertTrue(seen - committed <= bound.toNanos(), "visible after " + (seen - committed) / 1_000_000
                    + " ms; bound " + bound.toMillis() + " ms");
            assertFalse(etag.equals(client.get(BTC).headers().firstValue("ETag").orElseThrow()));
        }
    }

    @Test
    void answers_older_than_max_age_are_recomputed_and_a_disabled_cache_reads_every_time() throws Exception {
        DataSource dataSource = MARIADB.freshDatabase();
        load(dataSource, partitions("max-age"), "20261122", "run-1", 100);
        try (ApiServer api = start(dataSource, true, Duration.ofMillis(50))) {
            ApiClient client = new ApiClient(api.baseUrl());
            assertEquals(100.0, price(client.get(BTC)));
            execute(dataSource, "UPDATE market_trends SET price = 150");
            Thread.sleep(100);
            // older than max-age: the first request to notice recomputes it (others arriving meanwhile get the old one)
            assertEquals(150.0, price(client.get(BTC)));
        }
        try (ApiServer api = start(dataSource, false, Duration.ofHours(1))) {
            ApiClient client = new ApiClient(api.baseUrl());
            assertEquals(150.0, price(client.get(BTC)));
            execute(dataSource, "UPDATE market_trends SET price = 175");
            HttpResponse<String> uncached = client.get(BTC);
            assertEquals(175.0, price(uncached));
            assertTrue(uncached.headers().firstValue("ETag").isEmpty());
        }
    }

    @Test
    void errors_are_answered_but_never_kept() throws Exception {
        DataSource dataSource = MARIADB.freshDatabase();
        load(dataSource, partitions("errors"), "20261122", "run-1", 100);
        try (ApiServer api = start(dataSource, true, Duration.ofHours(1))) {
            ApiClient client = new ApiClient(api.baseUrl());
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> refused = client.get("/api/market/trends?symbol=BTC&limit=many");
                assertEquals(400, refused.statusCode());
                assertTrue(refused.headers().firstValue("ETag").isEmpty());
            }
            assertEquals(100.0, price(client.get("/api/market/trends?symbol=BTC&limit=1")));
        }
    }

    @Test
    void a_cached_answer_is_compressed_once_and_served_gzipped_under_the_same_tag() throws Exception {
        DataSource dataSource = MARIADB.freshDatabase();
        MarketTickPartitions partitions = partitions("gzip");
        List<org.apache.avro.generic.GenericRecord> ticks = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ticks.add(tick("SYM" + i, 100 + i, "2026-11-22T12:00:" + (10 + i) + "Z"));
        }
        partitions.publish("20261122", "run-1", ticks);
        try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), TestHadoop.conf())) {
            new PartitionLoader(dataSource, fs, partitions.layout(), 1000).loadNew(new MarketTicksLoader());
        }
        String all = "/api/market/trends?limit=30";
        try (ApiServer api = start(dataSource, true, Duration.ofHours(1))) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            URI uri = URI.create(api.baseUrl() + all);
            HttpResponse<byte[]> plain = http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertTrue(plain.body().length >= Gzip.MIN_BYTES, "large enough to compress: " + plain.body().length);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
            // the database changes behind the cache's back: a gzipped answer still comes from the cached entry
            execute(dataSource, "UPDATE market_trends SET price = -1");
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> gzipped = http.send(java.net.http.HttpRequest.newBuilder(uri)
                        .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
                assertEquals(plain.headers().firstValue("ETag"), gzipped.headers().firstValue("ETag"));
                assertTrue(gzipped.headers().allValues("Vary").contains("Accept-Encoding"));
                try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(gzipped.body()))) {
                    assertTrue(java.util.Arrays.equals(plain.body(), in.readAllBytes()), "the same bytes unzipped");
                }
            }
        }
    }

    private static ApiServer start(DataSource dataSource, boolean enabled, Duration maxAge) throws Exception {
        ApiConfig api = ApiConfig.defaults().withCache(new ApiCacheConfig(enabled, CHECK_INTERVAL, maxAge));
        ApiContext context = new ApiContext(dataSource, "test", api, java.util.Optional.empty(),
                java.util.Optional.empty(), new org.picu.model.layout.HdfsLayout("/"), java.time.Clock.systemUTC());
        return ApiServer.start(HttpConfig.loopbackAnyPort(), ApiRoutes.standard(context));
    }

    private static MarketTickPartitions partitions(String name) throws Exception {
        Path root = Path.of("target", "partitions", "ResponseCacheIT", name).toAbsolutePath();
        TestFiles.deleteRecursively(root);
        return new MarketTickPartitions(root);
    }

    /** Publishes and loads one BTC tick with its own pool; returns System.nanoTime() right after the commit. */
    private static long load(DataSource dataSource, MarketTickPartitions partitions, String date, String runId,
            double price) throws Exception {
        String day = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6);
        partitions.publish(date, runId, List.of(tick("BTC", price, day + "T12:00:00Z")));
        try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), TestHadoop.conf())) {
            LoadReport report = new PartitionLoader(dataSource, fs, partitions.layout(), 1000)
                    .loadNew(new MarketTicksLoader());
            long committed = System.nanoTime();
            assertEquals(1, report.loaded(), report.summary());
            return committed;
        }
    }

    private static long waitForPrice(ApiClient client, double price, long since) throws InterruptedException {
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (price(client.get(BTC)) == price) {
                return System.nanoTime();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the load was not visible within 30 s");
    }

    private static double price(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.json(response).get("trends").get(0).get("price").asDouble();
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
