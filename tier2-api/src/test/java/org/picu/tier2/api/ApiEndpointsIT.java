package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picu.tier2.testing.ApiClient.expected;
import static org.picu.tier2.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.model.layout.SourceRuns;
import org.picu.model.layout.WorkerHeartbeat;
import org.picu.tier2.load.LoadReport;
import org.picu.tier2.testing.ApiClient;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.SeededApi;

/**
 * Every read endpoint over {@code ApiTestData} on a real MariaDB and real HTTP, compared with golden files where
 * the whole body matters; plus the bearer token, CORS and metrics. Golden files: {@code fixtures/api/}.
 */
class ApiEndpointsIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private static SeededApi api;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        writeHeartbeats(Path.of("target", "partitions", "ApiEndpointsIT", "heartbeats"));
        // a hand-written loader stand-in: "loads" one new insight per call, as a published insights partition would
        api = SeededApi.start(MARIADB, Path.of("target", "partitions", "ApiEndpointsIT"), dataSource -> () -> {
            LOADS.incrementAndGet();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO crypto_insights (insight_type, symbol, window_start, window_end, severity,"
                                + " description, value, threshold, related_news, created_at, partition_date,"
                                + " load_run_id) VALUES ('volume_spike', 'ETH', ?, ?, 'critical', 'ETH volume 3x', 3,"
                                + " 1.5, '[]', ?, '2026-11-22', 'r2')")) {
                insert.setObject(1, java.time.LocalDateTime.of(2026, 11, 22, LOADS.get(), 0));
                insert.setObject(2, java.time.LocalDateTime.of(2026, 11, 22, 12, 0));
                insert.setObject(3, java.time.LocalDateTime.of(2026, 11, 22, 12, 0));
                insert.executeUpdate();
            }
            return new LoadReport(List.of());
        });
        client = api.client();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    /**
     * w1 runs upbit fine and perplexity behind a bot challenge; w0 is a worker from before run summaries, whose
     * heartbeat has only the last success per source.
     */
    private static void writeHeartbeats(Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        Instant now = org.picu.tier2.testing.ApiTestData.NOW;
        java.nio.file.Files.writeString(
                dir.resolve("w1.json"),
                new WorkerHeartbeat(
                                "w1",
                                now.minusSeconds(20),
                                now.minusSeconds(50),
                                1,
                                2048,
                                "20261122",
                                Map.of("upbit", now.minusSeconds(60)),
                                Map.of(
                                        "upbit",
                                                new SourceRuns(
                                                        10,
                                                        1,
                                                        87,
                                                        Map.of("missing_field", 3L),
                                                        now.minusSeconds(60),
                                                        SourceRuns.OK,
                                                        now.minusSeconds(3600),
                                                        "http_418"),
                                        "perplexity",
                                                new SourceRuns(
                                                        4,
                                                        4,
                                                        0,
                                                        Map.of("blocked_by_challenge", 4L, "no_content", 1L),
                                                        now.minusSeconds(300),
                                                        SourceRuns.FAILED,
                                                        now.minusSeconds(300),
                                                        "blocked_by_challenge")))
                        .toJson());
        java.nio.file.Files.writeString(dir.resolve("w0.json"), """
            {"worker_id":"w0","written_at":"2026-11-22T11:59:00Z","last_upload_at":null,"backlog_files":0,
             "backlog_bytes":0,"oldest_unshipped":null,"last_success":{"fear_greed":"2026-11-22T06:00:00Z"}}\
            """);
    }

    private static JsonNode ok(String pathAndQuery) {
        HttpResponse<String> response = client.get(pathAndQuery);
        assertEquals(200, response.statusCode(), pathAndQuery + " -> " + response.body());
        return json(response);
    }

    private static void badRequest(String pathAndQuery, String field) {
        HttpResponse<String> response = client.get(pathAndQuery);
        assertEquals(400, response.statusCode(), pathAndQuery + " -> " + response.body());
        assertEquals(field, json(response).get("field").asText(), pathAndQuery);
    }

    @Test
    void pipeline_status_shows_per_worker_source_why_it_gives_nothing() {
        assertEquals(expected("/fixtures/api/pipeline-status.expected.json"), ok("/api/pipeline/status"));
    }

    @Test
    void summary_shows_each_coin_once_with_its_latest_row() {
        JsonNode body = ok("/api/dashboard/summary");
        assertEquals(expected("/fixtures/api/summary.expected.json"), body);
        Set<String> symbols = new HashSet<>();
        body.get("top_volume_coins").forEach(coin -> assertTrue(symbols.add(coin.get("symbol").asText()),
                "regression: a coin listed twice in " + body));
    }

    @Test
    void sentiment_timeline_defaults_to_24_hours_instead_of_a_500() {
        assertEquals(
                expected("/fixtures/api/sentiment-timeline.expected.json"), ok("/api/dashboard/sentiment-timeline"));
        assertEquals(
                3,
                ok("/api/dashboard/sentiment-timeline?days=3").get("timeline").size(),
                "the item of 20 Nov too");
        assertEquals(1, ok("/api/dashboard/sentiment-timeline?hours=1").get("timeline").size());
        badRequest("/api/dashboard/sentiment-timeline?hours=721", "hours");
        badRequest("/api/dashboard/sentiment-timeline?hours=0", "hours");
        badRequest("/api/dashboard/sentiment-timeline?days=31", "days");
        badRequest("/api/dashboard/sentiment-timeline?hours=2&days=1", "days");
    }

    @Test
    void news_latest_is_newest_first_with_limit_and_source() {
        assertEquals(expected("/fixtures/api/news-latest.expected.json"), ok("/api/news/latest"));
        JsonNode coinness = ok("/api/news/latest?source=coinness&limit=1").get("news");
        assertEquals(1, coinness.size());
        assertEquals("Bitcoin hits a record", coinness.get(0).get("title").asText());
        assertEquals(
                3, ok("/api/news/latest?limit=100000").get("news").size(), "a huge limit is lowered, not an error");
        badRequest("/api/news/latest?limit=0", "limit");
        badRequest("/api/news/latest?source=Robert%27)%3B", "source");
    }

    @Test
    void news_sentiment_is_404_when_missing() {
        JsonNode body = ok("/api/news/2/sentiment");
        assertEquals(2, body.get("news_id").asInt());
        assertEquals(-0.4, body.get("sentiment_score").asDouble());
        assertEquals("negative", body.get("sentiment_label").asText());
        HttpResponse<String> notAnalysed = client.get("/api/news/3/sentiment");
        assertEquals(404, notAnalysed.statusCode(), "regression (the original answered 200 with an error field)");
        assertEquals(404, client.get("/api/news/999999/sentiment").statusCode());
        badRequest("/api/news/abc/sentiment", "id");
        badRequest("/api/news/-1/sentiment", "id");
    }

    @Test
    void insights_recent_filter_by_severity_and_symbol() {
        JsonNode all = ok("/api/insights/recent").get("insights");
        assertTrue(all.size() >= 3);
        assertEquals(
                "volume_spike",
                ok("/api/insights/recent?limit=1&symbol=xrp")
                        .get("insights")
                        .get(0)
                        .get("type")
                        .asText());
        JsonNode warnings = ok("/api/insights/recent?severity=warning").get("insights");
        assertEquals(1, warnings.size());
        assertEquals("BTC", warnings.get(0).get("symbol").asText());
        badRequest("/api/insights/recent?severity=apocalyptic", "severity");
        badRequest("/api/insights/recent?symbol=B-T-C", "symbol");
    }

    @Test
    void candles_are_oldest_first_in_a_range() {
        assertEquals(expected("/fixtures/api/candles-btc-3.expected.json"), ok("/api/candles/BTC?limit=3"));
        assertEquals(48, ok("/api/candles/btc?timeframe=1h").get("candles").size(), "default 168 covers all 48");
        JsonNode range = ok("/api/candles/BTC?from=2026-11-22T00:00:00Z&to=2026-11-22T03:00:00%2B00:00").get("candles");
        assertEquals(3, range.size());
        assertEquals("2026-11-22T00:00:00.000Z", range.get(0).get("timestamp").asText());
        assertEquals(2, ok("/api/candles/BTC?from=2026-11-22&limit=2").get("candles").size());
        badRequest("/api/candles/BTC?timeframe=5m", "timeframe");
        badRequest("/api/candles/BTC?from=yesterday", "from");
        badRequest("/api/candles/BTC?from=2026-11-22&to=2026-11-21", "from");
        badRequest("/api/candles/NOPE", "symbol");
    }

    @Test
    void fear_greed_latest_and_history() {
        assertEquals(expected("/fixtures/api/fear-greed-3-days.expected.json"), ok("/api/fear-greed?days=3"));
        assertEquals(4, ok("/api/fear-greed").get("history").size());
        badRequest("/api/fear-greed?days=366", "days");
    }

    @Test
    void technical_indicators_latest_history_and_no_data() {
        assertEquals(expected("/fixtures/api/indicators-btc.expected.json"), ok("/api/technical-indicators/BTC"));
        assertEquals(2, ok("/api/technical-indicators/btc/history").get("indicators").size());
        JsonNode none = ok("/api/technical-indicators/XRP");
        assertTrue(none.get("indicators").isNull(), none.toString());
        assertTrue(none.get("message").asText().contains("XRP"));
        badRequest("/api/technical-indicators/DOGE", "symbol");
        badRequest("/api/technical-indicators/BTC?hours=169", "hours");
    }

    @Test
    void alerts_evaluate_the_default_thresholds() {
        assertEquals(expected("/fixtures/api/alerts.expected.json"), ok("/api/alerts"));
        JsonNode critical = ok("/api/alerts?status=critical").get("alerts");
        assertEquals(2, critical.size());
        assertEquals(2, ok("/api/alerts?symbol=eth&status=warning").get("alerts").size());
        badRequest("/api/alerts?status=panic", "status");
    }

    @Test
    void market_trends_refuse_an_unknown_symbol() {
        assertEquals(2, ok("/api/market/trends?symbol=btc").get("trends").size());
        badRequest("/api/market/trends?symbol=NOPE", "symbol");
    }

    @Test
    void generate_needs_the_bearer_token() {
        int before = LOADS.get();
        for (Map<String, String> headers : List.of(
                Map.<String, String>of(),
                Map.of("Authorization", "Bearer wrong-token"),
                Map.of("Authorization", SeededApi.TOKEN),
                Map.of("Authorization", "Basic " + SeededApi.TOKEN))) {
            HttpResponse<String> refused =
                    client.send("POST", "/api/insights/generate", headers, "{\"topic\":\"btc\"}");
            assertEquals(401, refused.statusCode(), headers.toString());
            assertFalse(refused.body().contains(SeededApi.TOKEN), "never echoes a token");
        }
        assertEquals(before, LOADS.get(), "nothing loaded without the token");

        HttpResponse<String> response = client.send("POST", "/api/insights/generate",
                Map.of("Authorization", "Bearer " + SeededApi.TOKEN), "{\"topic\":\"btc\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("success", body.get("status").asText());
        assertEquals(1, body.get("generated").get("volume_spike").asInt());
        assertEquals(0, body.get("generated").get("trend_reversal").asInt());
        assertEquals("ETH", body.get("insights").get("volume_spike").get(0).get("symbol").asText());
        assertEquals(before + 1, LOADS.get());
        removeGeneratedInsights(); // the other tests compare with golden files of the seeded data
    }

    private static void removeGeneratedInsights() {
        try (Connection c = api.dataSource().getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM crypto_insights WHERE load_run_id = ?")) {
            delete.setString(1, "r2");
            delete.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cors_echoes_only_configured_origins_and_never_allows_credentials() {
        HttpResponse<String> allowed = client.send("GET", "/api/news/latest", Map.of("Origin", SeededApi.ORIGIN), null);
        assertEquals(SeededApi.ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());

        HttpResponse<String> other =
                client.send("GET", "/api/news/latest", Map.of("Origin", "https://evil.example"), null);
        assertEquals(200, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        HttpResponse<String> preflight = client.send("OPTIONS", "/api/insights/generate",
                Map.of("Origin", SeededApi.ORIGIN, "Access-Control-Request-Method", "POST"), null);
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElseThrow()
                .contains("Authorization"));
        assertEquals(403, client.send("OPTIONS", "/api/insights/generate",
                Map.of("Origin", "https://evil.example"), null).statusCode());
    }

    @Test
    void metrics_count_requests_per_route_template() throws InterruptedException {
        ok("/api/candles/BTC?limit=1");
        client.get("/no/such/path");
        // a request is counted after its response is sent, so the client can be a moment ahead of the counter
        String unmatched = "picu_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}";
        String candles =
                "picu_http_requests_seconds_count{method=\"GET\",route=\"/api/candles/{symbol}\",status=\"200\"}";
        HttpResponse<String> response = client.get("/metrics");
        for (int i = 0; i < 100 && !(response.body().contains(unmatched) && response.body().contains(candles)); i++) {
            Thread.sleep(20);
            response = client.get("/metrics");
        }
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        String text = response.body();
        assertTrue(text.contains(candles), text);
        assertTrue(text.contains(unmatched), text);
        assertTrue(
                text.contains(
                        "picu_http_requests_seconds_bucket{method=\"GET\",route=\"/api/candles/{symbol}\",status=\"200"
                            + "\",le=\"+Inf\"}"),
                text);
        assertTrue(text.contains("picu_db_pool_connections{state=\"idle\"}"), text);
        assertTrue(text.contains("jvm_memory_used_bytes{"), text);
        assertFalse(text.contains("/no/such/path"), "raw paths never become labels");
    }

    @Test
    void the_access_log_has_one_line_per_request_and_never_the_token() throws InterruptedException {
        org.apache.log4j.Logger access = org.apache.log4j.Logger.getLogger("org.picu.tier2.api.access");
        java.io.StringWriter lines = new java.io.StringWriter();
        org.apache.log4j.WriterAppender appender = new org.apache.log4j.WriterAppender(
                new org.apache.log4j.PatternLayout("%m%n"), lines);
        org.apache.log4j.Level level = access.getLevel();
        access.setLevel(org.apache.log4j.Level.INFO);
        access.addAppender(appender);
        try {
            ok("/api/news/latest?limit=2");
            client.send(
                    "POST", "/api/insights/generate", Map.of("Authorization", "Bearer not-" + SeededApi.TOKEN), null);
            // the line is written after the response is complete, so the client can be a moment ahead of it
            for (int i = 0; i < 100 && lines.toString().split("\n").length < 2; i++) {
                Thread.sleep(20);
            }
        } finally {
            access.removeAppender(appender);
            access.setLevel(level);
        }
        // each line is written after its response is sent, so the second request's line may come first
        List<String> logged = Arrays.stream(lines.toString().split("\n")).sorted().toList();
        assertEquals(2, logged.size(), lines.toString());
        assertTrue(logged.get(0).matches("127\\.0\\.0\\.1 \"GET /api/news/latest\\?limit=2\" 200 \\d+ [0-9.]+ms"),
                logged.get(0));
        assertTrue(logged.get(1).contains("\"POST /api/insights/generate\" 401"), logged.get(1));
        assertFalse(lines.toString().contains(SeededApi.TOKEN));
    }

    @Test
    void the_dashboard_and_openapi_are_served() {
        HttpResponse<String> page = client.get("/dashboard");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("/dashboard/app.js"));
        assertEquals(200, client.get("/dashboard/app.js").statusCode());
        assertEquals(200, client.get("/dashboard/app.css").statusCode());
        assertEquals("3.1.0", ok("/openapi.json").get("openapi").asText());
        assertEquals(200, client.get("/docs").statusCode());
    }
}
