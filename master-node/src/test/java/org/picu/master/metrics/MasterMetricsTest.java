package org.picu.master.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.master.ledger.RunLedger;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.master.run.Outcome;
import org.picu.master.run.PassReport;
import org.picu.metrics.MetricsEndpoint;
import org.picu.metrics.ProcessMetrics;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.testkit.grafana.GrafanaDashboard;

class MasterMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final PartitionDate DAY = PartitionDate.parse("20261207");

    @TempDir
    Path dir;

    /**
     * The last success of market ticks comes from the ledger at start; a cycle then runs news (succeeded after
     * 40 s) and candles (failed), and leaves fear and greed up to date. A real endpoint on a free port shows it all,
     * and every master query of the Grafana dashboard names a metric it exposes.
     */
    @Test
    void a_scrape_shows_job_runs_durations_cycles_and_freshness_and_answers_the_dashboard() throws Exception {
        HdfsLayout layout = new HdfsLayout(dir.toUri().toString());
        FileSystem fs = new org.apache.hadoop.fs.Path(layout.root()).getFileSystem(new Configuration());
        RunLedger ledger = new RunLedger(fs, layout);
        ledger.record(run(Dataset.MARKET_TICKS, "clean-market", RunState.SUCCEEDED, NOW.minusSeconds(600), 60));
        ledger.record(run(Dataset.MARKET_TICKS, "clean-market", RunState.FAILED, NOW.minusSeconds(300), 10));

        List<Dataset> datasets = List.of(Dataset.values());
        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        MasterMetrics metrics = new MasterMetrics(registry, datasets, Clock.fixed(NOW, ZoneOffset.UTC))
                .seed(ledger, datasets);
        RunRecord news = run(Dataset.NEWS, "clean-news", RunState.SUCCEEDED, NOW.minusSeconds(100), 40);
        RunRecord candles = run(Dataset.CANDLES_1H, "candles-1h", RunState.FAILED, NOW.minusSeconds(50), 20);
        metrics.cycled(datasets, Optional.of(new PassReport(List.of(
                new Outcome(Dataset.NEWS, DAY, Outcome.Kind.SUCCEEDED, "published", Optional.of(news)),
                new Outcome(Dataset.CANDLES_1H, DAY, Outcome.Kind.FAILED, "failed", Optional.of(candles)),
                new Outcome(Dataset.FEAR_GREED, DAY, Outcome.Kind.UP_TO_DATE, "up to date", Optional.empty())))),
                Duration.ofSeconds(75));
        metrics.cycled(datasets, Optional.empty(), Duration.ofSeconds(2));

        String scrape;
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, "127.0.0.1", 0)) {
            scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        assertEquals(1.0, value(scrape,
                "picu_master_job_runs_total{dataset=\"news\",mr_job=\"clean-news\",outcome=\"succeeded\"}"));
        assertEquals(1.0, value(scrape,
                "picu_master_job_runs_total{dataset=\"candles_1h\",mr_job=\"candles-1h\",outcome=\"failed\"}"));
        assertEquals(40.0, value(scrape,
                "picu_master_job_duration_seconds_sum{dataset=\"news\",mr_job=\"clean-news\",outcome=\"succeeded\"}"));
        assertEquals(1.0, value(scrape, "picu_master_partitions_total{dataset=\"fear_greed\",outcome=\"up_to_date\"}"));
        assertEquals(75.0, value(scrape, "picu_master_cycle_duration_seconds_sum{result=\"ok\"}"));
        assertEquals(1.0, value(scrape, "picu_master_cycle_duration_seconds_count{result=\"error\"}"));
        // from the ledger: the successful run ended 540 s ago; the later failure does not count
        assertEquals(540.0, value(scrape, "picu_master_last_success_age_seconds{dataset=\"market_ticks\"}"));
        assertEquals(60.0, value(scrape, "picu_master_last_success_age_seconds{dataset=\"news\"}"));
        assertTrue(Double.isNaN(value(scrape, "picu_master_last_success_age_seconds{dataset=\"candles_1h\"}")));

        GrafanaDashboard dashboard = GrafanaDashboard.read(Path.of("..", "conf", "grafana", "picu-dashboard.json"));
        assertTrue(
                dashboard.queries().stream()
                        .anyMatch(q ->
                                "picu-master".equals(GrafanaDashboard.jobOf(q).orElse(""))),
                "the dashboard has master panels");
        assertEquals(List.of(), dashboard.problems("picu-master", scrape));
    }

    private static RunRecord run(Dataset dataset, String job, RunState state, Instant started, long seconds) {
        return new RunRecord(dataset.dirName(), DAY.toString(), "r" + started.getEpochSecond(), job, "m", state, 1,
                started, Duration.ofSeconds(seconds), Map.of(), null, state == RunState.FAILED ? "exit code 1" : null);
    }

    private static double value(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        throw new AssertionError(series + " not in the scrape:\n" + scrape);
    }
}
