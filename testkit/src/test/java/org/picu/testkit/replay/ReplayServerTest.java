package org.picu.testkit.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayServerTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ReplayServer upbit;

    @BeforeEach
    void start() {
        upbit = ReplayServer.start("upbit");
    }

    @AfterEach
    void stop() {
        upbit.close();
    }

    @Test
    void serves_the_recorded_market_list_on_loopback() throws Exception {
        assertTrue(upbit.baseUrl().startsWith("http://127.0.0.1:"));
        HttpResponse<String> response = get(upbit, "/v1/market/all?isDetails=false");

        assertEquals(200, response.statusCode());
        assertEquals("application/json;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode markets = JSON.readTree(response.body());
        assertEquals(28, markets.size());
        assertEquals("KRW-BTC", markets.get(0).get("market").asText());
        assertEquals("비트코인", markets.get(0).get("korean_name").asText());
    }

    @Test
    void ticker_serves_only_the_requested_markets_in_recorded_order() throws Exception {
        HttpResponse<String> response = get(upbit, "/v1/ticker?markets=KRW-SHIB,KRW-ETH,KRW-BTC");

        assertEquals(200, response.statusCode());
        assertEquals(List.of("KRW-BTC", "KRW-ETH", "KRW-SHIB"), markets(response.body()));
    }

    @Test
    void ticker_accepts_an_encoded_comma_and_ignores_unknown_markets_among_known_ones() throws Exception {
        HttpResponse<String> response = get(upbit, "/v1/ticker?markets=KRW-MATIC%2CKRW-XRP");

        assertEquals(200, response.statusCode());
        assertEquals(List.of("KRW-XRP"), markets(response.body()));
    }

    @Test
    void filtered_tickers_keep_the_recorded_numbers_exactly() throws Exception {
        JsonNode tickers = JSON.readTree(get(upbit, "/v1/ticker?markets=KRW-SHIB,KRW-BTC").body());

        assertEquals("131245000", tickers.get(0).get("trade_price").decimalValue().toPlainString());
        assertEquals("0.01805", tickers.get(1).get("trade_price").decimalValue().toPlainString());
        assertEquals(1795230245123L, tickers.get(0).get("trade_timestamp").asLong());
    }

    @Test
    void ticker_naming_no_recorded_market_gets_upbits_not_found_answer() throws Exception {
        HttpResponse<String> response = get(upbit, "/v1/ticker?markets=KRW-MATIC");

        assertEquals(404, response.statusCode());
        assertEquals("Code not found", JSON.readTree(response.body()).at("/error/message").asText());
    }

    @Test
    void unknown_paths_and_unrecorded_queries_are404() throws Exception {
        assertEquals(404, get(upbit, "/v1/candles/minutes/1").statusCode());
        assertEquals(404, get(upbit, "/v1/market/all").statusCode());
        assertEquals(404, get(upbit, "/v1/market/all?isDetails=true").statusCode());
    }

    @Test
    void logs_every_request_with_its_status_and_user_agent() throws Exception {
        get(upbit, "/v1/market/all?isDetails=false");
        get(upbit, "/v1/ticker?markets=KRW-BTC,KRW-ETH");
        get(upbit, "/nothing-here");

        assertEquals(3, upbit.requestCount());
        assertEquals(1, upbit.requestCount("/v1/ticker"));
        assertEquals(List.of("/v1/market/all?isDetails=false", "/v1/ticker?markets=KRW-BTC,KRW-ETH", "/nothing-here"),
                upbit.requestedPaths());
        ReplayRequest last = upbit.requests().get(2);
        assertEquals(404, last.status());
        assertEquals("GET", last.method());
        assertEquals("replay-test/1.0", last.userAgent());
    }

    @Test
    void only_get_is_answered() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(upbit.baseUrl() + "/v1/market/all?isDetails=false"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertEquals(405, client.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void routes_can_set_status_content_type_and_delay() throws Exception {
        try (ReplayServer misc = ReplayServer.start("testkit-misc")) {
            HttpResponse<String> teapot = get(misc, "/teapot");
            assertEquals(418, teapot.statusCode());
            assertEquals("text/plain;charset=UTF-8", teapot.headers().firstValue("Content-Type").orElse(""));
            assertEquals("short and stout\n", teapot.body());
            assertTrue(get(misc, "/page").body().contains("안녕하세요"));

            long start = System.nanoTime();
            assertEquals(200, get(misc, "/slow").statusCode());
            assertTrue(System.nanoTime() - start >= 250_000_000L, "the delay route answers after its delay");
        }
    }

    @Test
    void a_missing_site_is_named_in_the_error() {
        ReplayException e = assertThrows(ReplayException.class, () -> ReplayServer.start("no-such-site"));
        assertTrue(e.getMessage().contains("sites/no-such-site/routes.properties"), e.getMessage());
    }

    @Test
    void every_problem_of_a_broken_site_is_reported_at_once() {
        ReplayException e = assertThrows(ReplayException.class, () -> ReplayServer.start("testkit-broken"));
        String message = e.getMessage();
        assertTrue(message.contains("does_not_exist.json"), message);
        assertTrue(message.contains("bad-status.status must be a whole number"), message);
        assertTrue(message.contains("bad-status.path 'b' must start with '/'"), message);
        assertTrue(message.contains("half-selector.select-param and half-selector.select-field"), message);
    }

    @Test
    void closed_server_refuses_connections() {
        String base = upbit.baseUrl();
        upbit.close();

        assertThrows(
                IOException.class,
                () -> client.send(
                        HttpRequest.newBuilder(URI.create(base + "/v1/ticker")).build(),
                        HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void fault_route_answers_its_times_with_its_header_then_falls_through_and_robots_is_left_out_of_page_paths()
            throws Exception {
        try (ReplayServer faults = ReplayServer.start("testkit-faults")) {
            HttpResponse<String> busy = get(faults, "/page");
            HttpResponse<String> robots = get(faults, "/robots.txt");
            HttpResponse<String> page = get(faults, "/page");

            assertEquals(429, busy.statusCode());
            assertEquals("7", busy.headers().firstValue("Retry-After").orElse(""));
            assertEquals(404, robots.statusCode(), "no robots route: no rules");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Retry-After").isEmpty());
            assertEquals(List.of("/page", "/page"), faults.requestedPaths());
            assertEquals(2, faults.requestCount());
            assertEquals(3, faults.requests().size());
            assertTrue(!faults.requests().get(1).receivedAt().isBefore(faults.requests().get(0).receivedAt()));
        }
    }

    private HttpResponse<String> get(ReplayServer server, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .header("User-Agent", "replay-test/1.0").build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> markets(String body) throws IOException {
        List<String> markets = new ArrayList<>();
        JSON.readTree(body).forEach(t -> markets.add(t.get("market").asText()));
        return markets;
    }
}
