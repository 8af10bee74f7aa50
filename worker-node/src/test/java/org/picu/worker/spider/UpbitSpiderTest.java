package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.model.RecordKind;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.config.FetchConfig;
import org.picu.worker.config.UpbitConfig;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.Fetcher;

/** The spider against the recorded Upbit API on loopback; records go to a list. */
class UpbitSpiderTest {
    private static final Instant NOW = Instant.parse("2026-11-21T03:05:00Z");
    private static final List<String> LISTED_DEFAULTS = List.of("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-ADA",
            "KRW-DOGE", "KRW-SOL", "KRW-DOT", "KRW-AVAX", "KRW-LINK");

    private final List<CrawledRecord> sink = new ArrayList<>();
    private final Fetcher fetcher = new Fetcher(FetchConfig.defaults().withHostDelay(Duration.ZERO),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void crawls_the_configured_symbols_that_upbit_lists() throws Exception {
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            CrawlResult result = spider(upbit, UpbitConfig.defaults()).crawl(fetcher, sink::add);

            assertEquals(9, result.records(), "MATIC is configured but not listed");
            assertEquals(0, result.rejected());
            String tickerUrl = upbit.baseUrl() + "/v1/ticker?markets=" + String.join(",", LISTED_DEFAULTS);
            assertEquals(List.of("/v1/market/all?isDetails=false", tickerUrl.substring(upbit.baseUrl().length())),
                    upbit.requestedPaths());
            assertEquals(LISTED_DEFAULTS, sink.stream().map(r -> r.payload().get("market").asText()).toList());
            CrawledRecord btc = sink.get(0);
            assertEquals(RecordKind.MARKET_TICK, btc.kind());
            assertEquals(tickerUrl, btc.url());
            assertEquals(NOW, btc.crawledAt());
            assertEquals("BTC", btc.payload().get("symbol").asText());
            assertEquals("2026-11-21T03:04:05.123Z", btc.payload().get("timestamp").asText());
            // Base units traded since 00:00 UTC (Upbit's acc_trade_volume), next to the rolling 24 h volume.
            assertEquals(
                    0,
                    new java.math.BigDecimal("1141.0346")
                            .compareTo(btc.payload().get("day_volume").decimalValue()));
            assertEquals(
                    0,
                    new java.math.BigDecimal("2480.51")
                            .compareTo(btc.payload().get("volume_24h").decimalValue()));
        }
    }

    @Test
    void requests_tickers_in_batches() throws Exception {
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            CrawlResult result = spider(upbit, UpbitConfig.defaults().withBatchSize(4)).crawl(fetcher, sink::add);

            assertEquals(9, result.records());
            assertEquals(3, upbit.requestCount("/v1/ticker"));
            assertEquals("/v1/ticker?markets=KRW-DOGE,KRW-SOL,KRW-DOT,KRW-AVAX", upbit.requestedPaths().get(2));
            assertEquals("/v1/ticker?markets=KRW-LINK", upbit.requestedPaths().get(3));
            assertEquals(LISTED_DEFAULTS, sink.stream().map(r -> r.payload().get("market").asText()).toList());
            assertTrue(sink.get(8).url().endsWith("markets=KRW-LINK"), "url is the batch's request");
        }
    }

    @Test
    void falls_back_to_the_first_twenty_markets_when_no_symbol_is_listed() throws Exception {
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            CrawlResult result = spider(upbit, UpbitConfig.defaults().withSymbols(List.of("LUNA")))
                    .crawl(fetcher, sink::add);

            assertEquals(20, result.records());
            assertEquals("KRW-APT", sink.get(19).payload().get("market").asText());
        }
    }

    @Test
    void damaged_tickers_are_skipped_and_counted_not_fatal() throws Exception {
        try (ReplayServer upbit = ReplayServer.start("upbit-damaged")) {
            CrawlResult result = spider(upbit, UpbitConfig.defaults()).crawl(fetcher, sink::add);

            assertEquals(1, result.records());
            assertEquals("XRP", sink.get(0).payload().get("symbol").asText());
            assertEquals(7, result.rejected());
            assertEquals(
                    List.of(
                            "missing_field",
                            "bad_field",
                            "bad_field",
                            "not_an_object",
                            "bad_field",
                            "missing_field",
                            "missing_field"),
                    result.rejections().stream().map(Rejection::reason).toList());
            assertTrue(result.rejections().get(0).detail().contains("KRW-ADA: trade_price is missing"),
                    result.rejections().get(0).detail());
        }
    }

    @Test
    void a_market_list_that_is_not_an_array_fails_the_crawl_naming_the_url() {
        try (ReplayServer upbit = ReplayServer.start("upbit-broken-list")) {
            SpiderException e = assertThrows(SpiderException.class,
                    () -> spider(upbit, UpbitConfig.defaults()).crawl(fetcher, sink::add));

            assertTrue(e.getMessage().contains("/v1/market/all?isDetails=false: expected a JSON array, got object"),
                    e.getMessage());
        }
    }

    @Test
    void a_failed_ticker_request_fails_the_crawl_with_its_status() {
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            // BTC-quoted markets are listed but the recording has only KRW tickers, so Upbit's 404 comes back.
            UpbitConfig btcQuote = new UpbitConfig(URI.create(upbit.baseUrl()), "BTC", List.of("ETH"), 100);

            FetchException e =
                    assertThrows(FetchException.class, () -> new UpbitSpider(btcQuote).crawl(fetcher, sink::add));

            assertEquals(404, e.status());
            assertTrue(e.url().toString().endsWith("/v1/ticker?markets=BTC-ETH"), e.url().toString());
        }
    }

    @Test
    void the_registry_lists_upbit_first() {
        assertEquals("upbit", Spiders.names().get(0));
    }

    private static UpbitSpider spider(ReplayServer server, UpbitConfig config) {
        return new UpbitSpider(config.withBaseUrl(URI.create(server.baseUrl() + "/")));
    }
}
