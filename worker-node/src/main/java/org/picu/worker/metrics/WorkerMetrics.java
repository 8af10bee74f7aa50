package org.picu.worker.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.picu.worker.daemon.CrawlRun;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.CrawlRunRecord;
import org.picu.worker.spool.SpoolBacklog;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.upload.UploadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker daemon's own meters, next to the JVM and process ones:
 * <ul>
 *   <li>{@code picu_worker_fetch_requests_total{source,status}}: request tries by status class ({@code 2xx},
 *       {@code 4xx}, {@code 5xx}, ...) or, for a try without an HTTP answer, its outcome word ({@code no_answer},
 *       {@code robots_disallowed}, {@code blocked_by_challenge}, {@code host_cooling_down}, {@code rendered},
 *       {@code render_failed}); from the fetcher's outcome counts ({@code Fetcher.outcomes()}) at the end of a
 * run;</li>
 *   <li>{@code picu_worker_records_total{source}}, {@code picu_worker_rejects_total{source,reason}},
 *       {@code picu_worker_crawl_runs_total{source,result}} ({@code ok}/{@code failed}) and
 *       {@code picu_worker_crawl_duration_seconds{source}}: what each crawl run recorded in the run history;</li>
 *   <li>{@code picu_worker_uploads_total{result}}: spool files {@code shipped}, {@code already_present} (shipped
 *       before a crash), {@code failed}, {@code deferred} (HDFS looked down), per upload round;</li>
 *   <li>gauges read from the spool when scraped (at most once a second): {@code picu_worker_spool_pending_files},
 *       {@code picu_worker_spool_pending_bytes} (complete files waiting for upload),
 *       {@code picu_worker_spool_writing_bytes} (open files), {@code picu_worker_upload_lag_seconds} (age of the
 *       oldest file waiting for upload, since it was last written; 0 when none waits) and
 *       {@code picu_worker_last_success_age_seconds{source}} (NaN before the source's first success).</li>
 * </ul>
 * Labels hold only bounded values: source names, status classes, outcome words and reject reasons.
 */
public final class WorkerMetrics implements CrawlRun.Observer, Consumer<UploadReport> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerMetrics.class);
    private static final Pattern HTTP = Pattern.compile("http_([1-5])\\d\\d");
    private static final long SNAPSHOT_MILLIS = 1000;

    private final MeterRegistry registry;
    private final SpoolDirectory spool;
    private final CrawlLedger ledger;
    private final Clock clock;
    private Snapshot snapshot;

    /**
     * Registers the gauges; the counters appear with their first value.
     *
     * @param sources the sources this worker runs (one last-success gauge each)
     */
    public WorkerMetrics(MeterRegistry registry, SpoolDirectory spool, Collection<String> sources, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.spool = requireNonNull(spool, "spool is null");
        this.ledger = new CrawlLedger(spool.root());
        this.clock = requireNonNull(clock, "clock is null");
        Gauge.builder("picu.worker.spool.pending.files", this, m -> m.snapshot().pendingFiles).baseUnit("files")
                .description("Complete spool files waiting for upload").register(registry);
        Gauge.builder("picu.worker.spool.pending.bytes", this, m -> m.snapshot().pendingBytes).baseUnit("bytes")
                .description("Bytes of complete spool files waiting for upload").register(registry);
        Gauge.builder("picu.worker.spool.writing.bytes", this, m -> m.snapshot().writingBytes).baseUnit("bytes")
                .description("Bytes in spool files still being written").register(registry);
        TimeGauge.builder("picu.worker.upload.lag", this, TimeUnit.SECONDS, m -> m.snapshot().lagSeconds)
                .description("Age of the oldest spool file waiting for upload (since it was last written); 0 when none")
                .register(registry);
        for (String source : sources) {
            TimeGauge.builder("picu.worker.last.success.age", this, TimeUnit.SECONDS,
                            m -> m.snapshot().lastSuccessAge(source))
                    .tag("source", source)
                    .description("Time since the source's last successful crawl run; NaN before its first")
                    .register(registry);
        }
    }

    /** The status class of a fetch outcome word: {@code http_404} is {@code 4xx}, {@code ok} is {@code 2xx}. */
    static String statusClass(String outcome) {
        if ("ok".equals(outcome)) {
            return "2xx";
        }
        Matcher http = HTTP.matcher(outcome);
        return http.matches() ? http.group(1) + "xx" : outcome;
    }

    @Override
    public void fetched(String source, Map<String, Integer> outcomes) {
        outcomes.forEach((outcome, tries) -> Counter.builder("picu.worker.fetch.requests")
                .description("Crawl request tries by source and status class (or outcome, when there was no answer)")
                .tags("source", source, "status", statusClass(outcome)).register(registry).increment(tries));
    }

    @Override
    public void ran(String source, CrawlRunRecord run) {
        Counter.builder("picu.worker.crawl.runs").description("Crawl runs by source and result")
                .tags("source", source, "result", run.failed() ? "failed" : "ok").register(registry).increment();
        Counter.builder("picu.worker.records").description("Records written to the spool, by source")
                .tag("source", source).register(registry).increment(run.records());
        run.rejects().forEach((reason, n) -> Counter.builder("picu.worker.rejects")
                .description("Items rejected by crawl runs, by source and reason")
                .tags("source", source, "reason", reason).register(registry).increment(n));
        Timer.builder("picu.worker.crawl.duration").description("Duration of crawl runs, by source")
                .tag("source", source).register(registry)
                .record(Duration.between(run.startedAt(), run.endedAt()));
    }

    /** One upload round's report. */
    @Override
    public void accept(UploadReport report) {
        upload("shipped", report.shipped().size());
        upload("already_present", report.alreadyPresent().size());
        upload("failed", report.failed().size());
        upload("deferred", report.deferred());
    }

    private void upload(String result, int files) {
        Counter.builder("picu.worker.uploads").description("Spool files handled by upload rounds, by result")
                .tag("result", result).register(registry).increment(files);
    }

    private synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot == null || Duration.between(snapshot.at, now).toMillis() >= SNAPSHOT_MILLIS) {
            snapshot = read(now);
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        try {
            SpoolBacklog backlog = SpoolBacklog.of(spool);
            double lag = backlog.oldestPending().flatMap(WorkerMetrics::modified)
                    .map(at -> Math.max(0, Duration.between(at, now).toMillis()) / 1000.0).orElse(0.0);
            return new Snapshot(now, backlog.pendingFiles(), backlog.pendingBytes(), backlog.writingBytes(), lag,
                    ledger.lastSuccess());
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read the spool for metrics: {}", e.toString());
            return new Snapshot(now, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of());
        }
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty(); // shipped while we looked
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record Snapshot(Instant at, double pendingFiles, double pendingBytes, double writingBytes,
                            double lagSeconds, Map<String, Instant> lastSuccess) {
        double lastSuccessAge(String source) {
            Instant last = lastSuccess.get(source);
            return last == null ? Double.NaN : Math.max(0, Duration.between(last, at).toMillis()) / 1000.0;
        }
    }
}
