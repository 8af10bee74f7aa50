package org.picu.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.metrics.MetricsEndpoint;
import org.picu.metrics.ProcessMetrics;
import org.picu.testkit.grafana.GrafanaDashboard;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.CrawlRunRecord;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.upload.UploadFailure;
import org.picu.worker.upload.UploadReport;

class WorkerMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path spool;

    @Test
    void fetch_outcomes_become_status_classes() {
        assertEquals("2xx", WorkerMetrics.statusClass("ok"));
        assertEquals("4xx", WorkerMetrics.statusClass("http_404"));
        assertEquals("4xx", WorkerMetrics.statusClass("http_418"));
        assertEquals("5xx", WorkerMetrics.statusClass("http_503"));
        assertEquals("no_answer", WorkerMetrics.statusClass("no_answer"));
        assertEquals("blocked_by_challenge", WorkerMetrics.statusClass("blocked_by_challenge"));
        assertEquals("rendered", WorkerMetrics.statusClass("rendered"));
    }

    /**
     * A real endpoint on a free port, fed what one crawl run and one upload round report, over a spool with one
     * file waiting: the scrape holds the counts, the backlog and the lag, and every worker query of the Grafana
     * dashboard names a metric it exposes.
     */
    @Test
    void a_scrape_shows_crawls_rejects_uploads_backlog_and_lag_and_answers_the_dashboard() throws Exception {
        Path day = Files.createDirectories(spool.resolve("20261207"));
        Path pending =
                Files.writeString(day.resolve("upbit.w1.000000000001-000000000002.jsonl"), "{\"a\":1}\n{\"a\":2}\n");
        Files.setLastModifiedTime(pending, FileTime.from(NOW.minusSeconds(90)));
        Files.writeString(day.resolve("upbit.w1.000000000003.jsonl.tmp"), "{\"a\":3}\n");
        new CrawlLedger(spool).recordSuccess("upbit", NOW.minusSeconds(30));

        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        WorkerMetrics metrics = new WorkerMetrics(registry, new SpoolDirectory(spool), List.of("upbit", "perplexity"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        metrics.fetched("upbit", Map.of("ok", 3, "http_503", 1, "no_answer", 2));
        metrics.fetched("perplexity", Map.of("blocked_by_challenge", 1));
        metrics.ran("upbit", new CrawlRunRecord(NOW.minusSeconds(40), NOW.minusSeconds(30), 9,
                Map.of("missing_field", 2L), null, null));
        metrics.ran("perplexity", new CrawlRunRecord(NOW.minusSeconds(5), NOW, 0,
                Map.of("blocked_by_challenge", 1L), "blocked_by_challenge", "a bot check"));
        metrics.accept(new UploadReport(List.of("/raw/upbit/20261207/a.jsonl"), List.of(),
                List.of(new UploadFailure(Path.of("b.jsonl"), "/raw/upbit/20261207/b.jsonl", "NameNode down")), 2));

        String scrape;
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, "127.0.0.1", 0)) {
            scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        assertEquals(3.0, value(scrape, "picu_worker_fetch_requests_total{source=\"upbit\",status=\"2xx\"}"));
        assertEquals(1.0, value(scrape, "picu_worker_fetch_requests_total{source=\"upbit\",status=\"5xx\"}"));
        assertEquals(2.0, value(scrape, "picu_worker_fetch_requests_total{source=\"upbit\",status=\"no_answer\"}"));
        assertEquals(1.0, value(scrape,
                "picu_worker_fetch_requests_total{source=\"perplexity\",status=\"blocked_by_challenge\"}"));
        assertEquals(9.0, value(scrape, "picu_worker_records_total{source=\"upbit\"}"));
        assertEquals(2.0, value(scrape, "picu_worker_rejects_total{reason=\"missing_field\",source=\"upbit\"}"));
        assertEquals(1.0, value(scrape, "picu_worker_crawl_runs_total{result=\"failed\",source=\"perplexity\"}"));
        assertEquals(1.0, value(scrape, "picu_worker_crawl_runs_total{result=\"ok\",source=\"upbit\"}"));
        assertEquals(1.0, value(scrape, "picu_worker_crawl_duration_seconds_count{source=\"upbit\"}"));
        assertEquals(1.0, value(scrape, "picu_worker_uploads_total{result=\"shipped\"}"));
        assertEquals(1.0, value(scrape, "picu_worker_uploads_total{result=\"failed\"}"));
        assertEquals(2.0, value(scrape, "picu_worker_uploads_total{result=\"deferred\"}"));
        assertEquals(1.0, value(scrape, "picu_worker_spool_pending_files"));
        assertEquals((double) Files.size(pending), value(scrape, "picu_worker_spool_pending_bytes"));
        assertEquals(8.0, value(scrape, "picu_worker_spool_writing_bytes"));
        assertEquals(90.0, value(scrape, "picu_worker_upload_lag_seconds"));
        assertEquals(30.0, value(scrape, "picu_worker_last_success_age_seconds{source=\"upbit\"}"));
        assertTrue(Double.isNaN(value(scrape, "picu_worker_last_success_age_seconds{source=\"perplexity\"}")),
                "never succeeded");

        GrafanaDashboard dashboard = GrafanaDashboard.read(Path.of("..", "conf", "grafana", "picu-dashboard.json"));
        assertTrue(
                dashboard.queries().stream()
                        .anyMatch(q ->
                                "picu-worker".equals(GrafanaDashboard.jobOf(q).orElse(""))),
                "the dashboard has worker panels");
        assertEquals(List.of(), dashboard.problems("picu-worker", scrape));
    }

    @Test
    void an_empty_spool_has_no_lag() throws Exception {
        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        new WorkerMetrics(registry, new SpoolDirectory(spool), List.of("upbit"), Clock.fixed(NOW, ZoneOffset.UTC));
        String scrape = registry.scrape();
        assertEquals(0.0, value(scrape, "picu_worker_upload_lag_seconds"));
        assertEquals(0.0, value(scrape, "picu_worker_spool_pending_files"));
    }

    /** The value of the sample line that starts with {@code series} (name and labels as written). */
    static double value(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        throw new AssertionError(series + " not in the scrape:\n" + scrape);
    }
}
