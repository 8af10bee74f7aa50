package org.picu.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo as a newcomer sees it: {@link LocalDemo} started as {@code ./picu-demo} starts it (history crawl, upload,
 * jobs, load, API, then live), and its dashboard opened in Debian's headless chromium at 1280 and 390 CSS pixels
 * wide. Every panel must show data, the page must report no console error, uncaught exception or failed load, and
 * it must not be wider than the window. Screenshots are kept under {@code target/demo-dashboard/}. Then the live
 * pipeline must bring a newer market observation to the API without anyone asking.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDashboardIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target", "demo-dashboard");
    /** Every panel's content, as the test reads it from the rendered page. */
    private static final String PANELS = """
        JSON.stringify({
          prices: document.querySelectorAll('#prices tbody tr[data-symbol]').length,
          candles: document.querySelectorAll('#chart rect.candle').length,
          symbols: document.querySelectorAll('#symbols button').length,
          fearGreed: document.getElementById('fear-greed-value').textContent,
          fearGreedHistory: document.querySelectorAll('#fear-greed-history polyline').length,
          sentimentBars: document.querySelectorAll('#sentiment rect.bar').length,
          sentimentAverage: document.getElementById('sentiment-average').textContent,
          news: document.querySelectorAll('#news li[data-source]').length,
          newsLanguages: Array.from(new Set(Array.from(document.querySelectorAll('#news li[lang]'))
              .map(function (n) { return n.lang; }))).sort(),
          newsSources: Array.from(new Set(Array.from(document.querySelectorAll('#news li[data-source]'))
              .map(function (n) { return n.dataset.source; }))).sort(),
          newsLinks: document.querySelectorAll('#news li a[href^="http"]').length,
          newsLabels: document.querySelectorAll(
              '#news .badge.positive, #news .badge.negative, #news .badge.neutral').length,
          alerts: document.querySelectorAll('#alerts li .badge').length,
          insights: document.querySelectorAll('#insights li .badge').length,
          insightSeverities: Array.from(new Set(Array.from(document.querySelectorAll('#insights li .badge'))
              .map(function (n) { return n.textContent; }))).sort(),
          pipeline: Array.from(document.querySelectorAll('#pipeline tbody tr'))
              .map(function (r) { return r.cells[0].textContent + '=' + r.cells[3].textContent; }),
          ages: Array.from(document.querySelectorAll('.age')).map(function (n) { return n.id + ': ' + n.textContent; }),
          loadErrors: document.querySelectorAll('.load-error').length,
          empty: Array.from(document.querySelectorAll('.empty')).map(function (n) { return n.textContent; }),
          pageWidth: document.documentElement.scrollWidth,
          windowWidth: window.innerWidth
        })\
        """;

    private static LocalDemo.Running demo;
    private static DevToolsBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of("target", "demo-it");
        FileUtils.deleteDirectory(work.toFile());
        LocalDemo local = LocalDemo.of(work, 0, 17);
        // the live daemons every few seconds instead of every minute: the live test waits for them
        local.liveCadence = LocalDemo.LiveCadence.QUICK;
        demo = local.start(true);
        browser = DevToolsBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void at_1280_px_every_panel_has_data_without_errors_or_overflow() throws Exception {
        JsonNode panels = render(1280, 900, "dashboard-1280.png");

        assertEquals(10, panels.get("prices").asInt(), "a price row per symbol: " + panels);
        assertEquals(10, panels.get("symbols").asInt(), panels.toString());
        assertTrue(panels.get("candles").asInt() >= 20, "the last 24 hourly candles of BTC: " + panels);
        assertTrue(panels.get("fearGreed").asText().matches("\\d{1,3}"), "the index value: " + panels);
        assertEquals(1, panels.get("fearGreedHistory").asInt(), "the index history line: " + panels);
        assertTrue(panels.get("sentimentBars").asInt() >= 12, "hourly sentiment over the last 24 h: " + panels);
        assertTrue(panels.get("news").asInt() >= 20, panels.toString());
        assertEquals(List.of("en", "ko"), strings(panels.get("newsLanguages")), "Korean and English news: " + panels);
        assertTrue(panels.get("newsLinks").asInt() >= 10, "news items link to their article: " + panels);
        assertEquals(panels.get("news").asInt(), panels.get("newsLabels").asInt(), "every item has a sentiment label");
        assertTrue(panels.get("alerts").asInt() >= 1, "some alert is raised: " + panels);
        assertTrue(panels.get("insights").asInt() >= 1, "insights with severities: " + panels);
        JsonNode pipeline = panels.get("pipeline");
        assertEquals(7, pipeline.size(), pipeline.toString());
        pipeline.forEach(row -> assertTrue(!row.asText().endsWith("=–") && !row.asText().endsWith("=0"),
                "every dataset loaded rows: " + pipeline));
        panels.get("ages").forEach(age -> assertTrue(!age.asText().endsWith("no data yet"), "data age shown: " + age));
        assertEquals(0, panels.get("loadErrors").asInt(), panels.toString());
        assertTrue(panels.get("empty").isEmpty(), "no panel says it is empty: " + panels.get("empty"));
        assertTrue(
                panels.get("pageWidth").asInt() <= panels.get("windowWidth").asInt(),
                "no horizontal overflow: " + panels);
        assertEquals(List.of(), browser.takeErrors(), "console errors, exceptions or failed loads");
    }

    @Test
    @Order(2)
    void the_7_day_range_shows_every_candle_of_the_history() throws Exception {
        browser.evaluate("document.querySelector('#range button[data-range=\"7d\"]').click(), true");
        browser.await("document.getElementById('chart-symbol').textContent.indexOf('7 days') >= 0"
                + " && document.querySelectorAll('#chart rect.candle').length > 24", Duration.ofSeconds(30));
        int candles = browser.evaluate("document.querySelectorAll('#chart rect.candle').length").asInt();
        assertTrue(candles >= 48, "at least 48 hourly candles of history: " + candles);
        browser.screenshot(SHOTS.resolve("dashboard-1280-7d.png"), 1280, 900);
        assertEquals(List.of(), browser.takeErrors());
    }

    @Test
    @Order(3)
    void at_390_px_nothing_overflows() throws Exception {
        JsonNode panels = render(390, 844, "dashboard-390.png");
        assertTrue(
                panels.get("pageWidth").asInt() <= panels.get("windowWidth").asInt(),
                "no horizontal overflow: " + panels);
        assertEquals(10, panels.get("prices").asInt(), panels.toString());
        assertTrue(panels.get("news").asInt() >= 20, panels.toString());
        assertEquals(List.of(), browser.takeErrors(), "console errors, exceptions or failed loads");
    }

    @Test
    @Order(4)
    void the_live_pipeline_brings_newer_prices_by_itself() throws Exception {
        Instant first = newestObservation();
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        Instant now = first;
        while (!now.isAfter(first) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            now = newestObservation();
        }
        assertTrue(now.isAfter(first), "a newer observation than " + first + " was loaded by the live pipeline");
        render(1280, 900, "dashboard-1280-live.png");
        assertEquals(List.of(), browser.takeErrors());
    }

    private static JsonNode render(int width, int height, String screenshot) throws Exception {
        browser.open(demo.baseUrl() + "/dashboard", width, height);
        browser.await("document.body && document.body.dataset.ready === 'true'", Duration.ofSeconds(60));
        Thread.sleep(500); // the candles of the selected symbol arrive after the summary
        JsonNode panels = JSON.readTree(browser.evaluate(PANELS).asText());
        Path png = SHOTS.resolve(screenshot);
        browser.screenshot(png, width, height);
        assertTrue(Files.size(png) > 20_000, "a real picture: " + Files.size(png) + " bytes");
        return panels;
    }

    private static Instant newestObservation() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(demo.baseUrl() + "/api/dashboard/summary")).build(), HttpResponse.BodyHandlers.ofString());
        Instant newest = Instant.EPOCH;
        for (JsonNode coin : JSON.readTree(response.body()).get("market")) {
            Instant at = Instant.parse(coin.get("timestamp").asText());
            newest = at.isAfter(newest) ? at : newest;
        }
        return newest;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
