package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.model.layout.SourceRuns;
import org.picu.model.layout.WorkerHeartbeat;
import org.picu.tier2.load.LoadReport;
import org.picu.tier2.testing.ApiTestData;
import org.picu.tier2.testing.HeadlessChromium;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.SeededApi;

/**
 * The dashboard in a real browser: Debian's chromium, headless, loads {@code /dashboard} from the API on loopback
 * over {@code ApiTestData}, runs its scripts, and the rendered DOM must show the database's values. The screenshot
 * is kept at {@code target/dashboard.png} for people to look at.
 */
class DashboardBrowserIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private static SeededApi api;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.require();
        Path heartbeats = Files.createDirectories(Path.of("target", "partitions", "DashboardBrowserIT", "heartbeats"));
        Instant now = ApiTestData.NOW;
        Files.writeString(
                heartbeats.resolve("w1.json"),
                new WorkerHeartbeat(
                                "w1",
                                now.minusSeconds(20),
                                now.minusSeconds(50),
                                0,
                                0,
                                null,
                                Map.of("upbit", now.minusSeconds(60)),
                                Map.of(
                                        "upbit",
                                                new SourceRuns(
                                                        10,
                                                        0,
                                                        90,
                                                        Map.of(),
                                                        now.minusSeconds(60),
                                                        SourceRuns.OK,
                                                        null,
                                                        null),
                                        "perplexity",
                                                new SourceRuns(
                                                        4,
                                                        4,
                                                        0,
                                                        Map.of("blocked_by_challenge", 4L),
                                                        now.minusSeconds(300),
                                                        SourceRuns.FAILED,
                                                        now.minusSeconds(300),
                                                        "blocked_by_challenge")))
                        .toJson());
        api = SeededApi.start(MARIADB, Path.of("target", "partitions", "DashboardBrowserIT"),
                dataSource -> () -> new LoadReport(List.of()));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void the_page_renders_prices_fear_greed_sentiment_news_alerts_insights_and_pipeline() throws Exception {
        Document dom = Jsoup.parse(HeadlessChromium.dumpDom(api.baseUrl() + "/dashboard"));

        assertEquals("true", dom.body().attr("data-ready"), "scripts finished: " + dom.body().text());
        Element btc = dom.selectFirst("#prices tr[data-symbol=BTC]");
        assertTrue(btc != null, "BTC row: " + dom.select("#prices").text());
        assertEquals("95,000,000", btc.selectFirst("td.price").text());
        assertTrue(btc.text().contains("+2.50 %"), btc.text());
        assertEquals(3, dom.select("#prices tbody tr").size(), "one row per symbol");
        assertEquals("-6.20 %", dom.selectFirst("#prices tr[data-symbol=ETH] td.down").text());

        assertEquals(24, dom.select("#chart rect.candle").size(), "the BTC candles of the default 24 h range");
        assertEquals(3, dom.select("#news li[data-source]").size(), "every news item: " + dom.select("#news").text());
        Element linked = dom.selectFirst("#news li[data-source=coinness] a[href]");
        assertTrue(linked != null && linked.attr("href").equals("https://coinness.example/news/1")
                && linked.attr("rel").contains("noopener"), "the item links to its article: " + dom.select("#news"));
        assertTrue(dom.selectFirst("#news li[data-source=coinness] .badge").className().matches(
                "badge (positive|negative|neutral)"), "with its sentiment label: " + dom.select("#news"));
        assertEquals("72", dom.selectFirst("#fear-greed-value").text());
        assertTrue(dom.selectFirst("#fear-greed-label").text().startsWith("Greed"));
        assertEquals("0.10", dom.selectFirst("#sentiment-average").text());
        assertEquals(2, dom.select("#sentiment rect.bar").size(), "two hours with news");
        assertTrue(dom.select("#alerts").text().contains("BTC rsi 82.5"), dom.select("#alerts").text());
        assertTrue(dom.select("#insights").text().contains("XRP traded 2.4x its 7-day mean volume"));
        assertEquals(7, dom.select("#pipeline tbody tr").size(), "one row per dataset");
        assertEquals(2, dom.select("#sources tbody tr").size(), "one row per source of each worker");
        Element blocked = dom.selectFirst("#sources tr[data-source=perplexity]");
        assertTrue(blocked != null && blocked.text().contains("never")
                && blocked.text().contains("blocked_by_challenge · 2026-11-22 11:55 UTC (4 of 4 failed)")
                && blocked.text().contains("rejects: blocked_by_challenge 4"), dom.select("#sources").text());
        assertTrue(dom.selectFirst("#sources tr[data-source=upbit]").text().contains("90 / 10 runs"),
                dom.select("#sources").text());
        assertTrue(dom.selectFirst("#health").text().contains("connected"));
        assertTrue(dom.select(".empty").stream().noneMatch(e -> e.text().startsWith("could not load")),
                dom.select(".empty").text());
    }

    @Test
    void a_screenshot_is_saved_under_target() throws Exception {
        Path png = Path.of("target", "dashboard.png");
        HeadlessChromium.screenshot(api.baseUrl() + "/dashboard", png, 1400, 1250);
        byte[] header = Files.readAllBytes(png);
        assertTrue(header.length > 20_000, "a real picture, not a blank page: " + header.length + " bytes");
        assertEquals((byte) 0x89, header[0]);
        assertEquals('P', header[1]);
    }
}
