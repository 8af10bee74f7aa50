package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picu.tier2.testing.ApiClient.expected;
import static org.picu.tier2.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.testkit.grafana.GrafanaDashboard;
import org.picu.tier2.Tier2Service;
import org.picu.tier2.Tier2Version;
import org.picu.tier2.config.DatabaseConfig;
import org.picu.tier2.config.HdfsConfig;
import org.picu.tier2.config.HttpConfig;
import org.picu.tier2.config.LoadConfig;
import org.picu.tier2.config.Secret;
import org.picu.tier2.config.Tier2Config;
import org.picu.tier2.db.EmbeddedMariaDb;
import org.picu.tier2.load.LoadReport;
import org.picu.tier2.testing.ApiClient;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.MarketTickPartitions;
import org.picu.tier2.testing.TestHadoop;

/** The API as deployed: Tier2Service over a real MariaDB, a fixture partition loaded, real HTTP on a free port. */
class ApiServerIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private static Tier2Service service;
    private static ApiClient client;

    @BeforeAll
    static void startApi() throws Exception {
        MarketTickPartitions partitions = new MarketTickPartitions(Path.of("target", "partitions", "ApiServerIT"));
        partitions.publish("20261122", "run-1", MarketTickPartitions.fixture("upbit-krw-day"));
        String url = MARIADB.server().jdbcUrl(MARIADB.freshDatabaseName());
        Tier2Config config = new Tier2Config(DatabaseConfig.external(url, EmbeddedMariaDb.USER, Secret.EMPTY, 4),
                HdfsConfig.local(partitions.rootUri()), HttpConfig.loopbackAnyPort(), LoadConfig.defaults());
        service = Tier2Service.open(config, TestHadoop.conf());
        LoadReport report = service.load();
        assertEquals(7, report.rows(), report.summary());
        client = new ApiClient(service.startApi().baseUrl());
    }

    @AfterAll
    static void stopApi() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void root_names_the_api_and_our_version() {
        HttpResponse<String> response = client.get("/");
        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = json(response);
        assertEquals("CoinTicker API", body.get("message").asText());
        assertEquals(Tier2Version.current(), body.get("version").asText());
        assertFalse(body.get("version").asText().contains("${"), "version resource is filtered");
        assertEquals("running", body.get("status").asText());
    }

    @Test
    void health_reports_the_database_connected_with_a_utc_timestamp() {
        HttpResponse<String> response = client.get("/health");
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals("healthy", body.get("status").asText());
        assertEquals("connected", body.get("database").asText());
        String timestamp = body.get("timestamp").asText();
        assertTrue(timestamp.endsWith("Z"), timestamp);
        Instant.parse(timestamp);
    }

    @Test
    void trends_are_the_newest_rows_first_in_the_original_shape() {
        HttpResponse<String> response = client.get("/api/market/trends");
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals(expected("/fixtures/market_ticks/upbit-krw-day.trends.expected.json"), body);
        assertEquals(List.of("symbol", "price", "volume_24h", "change_24h", "timestamp", "source"),
                fieldNames(body.get("trends").get(0)));
        assertFalse(response.body().contains("E7"), "no exponent notation: " + response.body());
    }

    @Test
    void trends_filter_by_symbol_in_any_case() {
        JsonNode body = json(client.get("/api/market/trends?symbol=btc"));
        assertEquals(expected("/fixtures/market_ticks/upbit-krw-day.trends-btc.expected.json"), body);
    }

    @Test
    void trends_of_an_unknown_symbol_are_400_naming_the_field() {
        HttpResponse<String> response = client.get("/api/market/trends?symbol=NOPE");
        assertEquals(400, response.statusCode());
        assertEquals("symbol", json(response).get("field").asText());
    }

    @Test
    void trends_limit_takes_the_newest_rows() {
        JsonNode all = expected("/fixtures/market_ticks/upbit-krw-day.trends.expected.json").get("trends");
        JsonNode two = json(client.get("/api/market/trends?limit=2")).get("trends");
        assertEquals(2, two.size());
        assertEquals(all.get(0), two.get(0));
        assertEquals(all.get(1), two.get(1));
    }

    @Test
    void bad_limits_are_400_naming_the_field() {
        for (String limit : List.of("abc", "-1", "0", "1.5", "%20")) {
            HttpResponse<String> response = client.get("/api/market/trends?limit=" + limit);
            if (limit.equals("%20")) {
                assertEquals(200, response.statusCode(), "blank limit means the default");
                continue;
            }
            assertEquals(400, response.statusCode(), "limit=" + limit);
            assertEquals("limit", json(response).get("field").asText(), "limit=" + limit);
        }
    }

    @Test
    void a_symbol_that_is_not_a_plain_ticker_is_400_and_reaches_no_sql() {
        String attack = URLEncoder.encode("BTC'; DROP TABLE market_trends; --", StandardCharsets.UTF_8);
        for (String symbol : List.of(attack, "ABCDEFGHIJKLMNOPQRSTU", "%E2%82%BF")) {
            HttpResponse<String> response = client.get("/api/market/trends?symbol=" + symbol);
            assertEquals(400, response.statusCode(), symbol);
            JsonNode body = json(response);
            assertEquals("symbol", body.get("field").asText());
            assertFalse(response.body().contains("DROP"), "the bad value is not echoed");
        }
        assertEquals(7, json(client.get("/api/market/trends")).get("trends").size(), "table still there");
    }

    @Test
    void a_parameter_given_twice_is_400() {
        HttpResponse<String> response = client.get("/api/market/trends?limit=1&limit=2");
        assertEquals(400, response.statusCode());
        assertEquals("limit", json(response).get("field").asText());
    }

    @Test
    void unknown_paths_are_404_json_and_other_methods_405() {
        HttpResponse<String> notFound = client.get("/api/nothing-here");
        assertEquals(404, notFound.statusCode());
        assertTrue(json(notFound).get("error").isTextual());

        HttpResponse<String> wrongMethod = client.send("POST", "/api/market/trends");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElseThrow());
        assertTrue(json(wrongMethod).get("error").isTextual());
    }

    @Test
    void if_none_match_takes_lists_weak_tags_and_star_and_304_has_no_body() {
        HttpResponse<String> first = client.get("/api/market/trends");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\""), etag);
        String opaque = etag.substring(2);
        for (String condition : List.of(etag, opaque, "\"other\", " + etag, "W/\"a\",W/\"b\", " + opaque, "*")) {
            HttpResponse<String> notModified = client.send("GET", "/api/market/trends",
                    java.util.Map.of("If-None-Match", condition), null);
            assertEquals(304, notModified.statusCode(), condition);
            assertEquals("", notModified.body(), condition);
            assertEquals(etag, notModified.headers().firstValue("ETag").orElseThrow(), condition);
        }
        for (String condition : List.of("\"other\"", "W/\"other\", \"x\"", "not-a-tag, " + etag)) {
            HttpResponse<String> full = client.send("GET", "/api/market/trends",
                    java.util.Map.of("If-None-Match", condition), null);
            assertEquals(200, full.statusCode(), condition);
            assertEquals(first.body(), full.body(), condition);
        }
    }

    @Test
    void large_answers_are_gzipped_for_clients_that_accept_it() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create(client.baseUrl() + "/openapi.json");
        HttpResponse<byte[]> gzipped = http.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertTrue(
                gzipped.body().length < plain.body().length / 2, gzipped.body().length + " vs " + plain.body().length);
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertTrue(java.util.Arrays.equals(plain.body(), in.readAllBytes()), "the same bytes once unzipped");
        }
        assertTrue(gzipped.headers().allValues("Vary").contains("Accept-Encoding"), gzipped.headers().map().toString());
        HttpResponse<byte[]> refused = http.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Accept-Encoding", "gzip;q=0, br").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
        assertTrue(java.util.Arrays.equals(plain.body(), refused.body()));
    }

    @Test
    void metrics_show_the_ledger_per_dataset_and_the_jvm() {
        String text = client.get("/metrics").body();
        assertTrue(text.contains("picu_load_rows{dataset=\"market_ticks\"} 7.0\n"), text);
        assertTrue(text.contains("picu_load_partitions{dataset=\"market_ticks\"} 1.0\n"), text);
        assertTrue(text.contains("jvm_threads_live_threads "), text);
    }

    /**
     * The Grafana dashboard an operator imports ({@code conf/grafana/picu-dashboard.json}) parses, and every metric its
     * tier-2 queries (and its queries for every job, such as the JVM panels) name is one this server really exposes
     * (names collected from a scrape of the running registry). The worker's and master's queries are checked against
     * their own endpoints in their modules' tests.
     */
    @Test
    void every_metric_the_grafana_dashboard_queries_is_exposed() throws Exception {
        client.get("/api/market/trends"); // at least one request counted
        GrafanaDashboard dashboard = GrafanaDashboard.read(Path.of("..", "conf", "grafana", "picu-dashboard.json"));
        assertEquals("picu-overview", dashboard.uid());
        assertTrue(dashboard.queriesOf("picu-tier2").size() >= 10, dashboard.queriesOf("picu-tier2").toString());
        assertEquals(List.of(), dashboard.problems("picu-tier2", client.get("/metrics").body()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
