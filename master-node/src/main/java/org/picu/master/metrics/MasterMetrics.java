package org.picu.master.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.picu.master.ledger.RunLedger;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.master.run.Outcome;
import org.picu.master.run.PassReport;
import org.picu.master.schedule.Daemon;
import org.picu.model.layout.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator daemon's own meters, next to the JVM and process ones:
 * <ul>
 *   <li>{@code picu_master_job_runs_total{dataset,mr_job,outcome}}: jobs run ({@code succeeded}/{@code failed}, after
 *       their retries) and {@code picu_master_job_duration_seconds{dataset,mr_job,outcome}}, first attempt to
 * last;</li>
 *   <li>{@code picu_master_partitions_total{dataset,outcome}}: what cycles did with each partition they looked at,
 *       also when no job ran ({@code up_to_date}, {@code waiting}, {@code cooling_down}, {@code lease_held},
 *       {@code upstream_failed}, {@code unavailable});</li>
 *   <li>{@code picu_master_cycle_duration_seconds{result}}: scheduled cycles, {@code ok} or {@code error} (the
 *       cycle stopped, e.g. HDFS unreachable);</li>
 *   <li>{@code picu_master_last_success_age_seconds{dataset}}: time since the dataset's newest successful run, from
 *       the run ledger's recent days when the daemon starts and from its own runs after that; NaN while none is
 *       known.</li>
 * </ul>
 * The MapReduce job is labelled {@code mr_job}: Prometheus keeps {@code job} for the scrape job.
 */
public final class MasterMetrics implements Daemon.CycleObserver {
    private static final Logger LOG = LoggerFactory.getLogger(MasterMetrics.class);
    /** How many partition days of the ledger the start looks at for each dataset's last success. */
    static final int LEDGER_DAYS = 7;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Dataset, Instant> lastSuccess = new ConcurrentHashMap<>();

    public MasterMetrics(MeterRegistry registry, Collection<Dataset> datasets, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.clock = requireNonNull(clock, "clock is null");
        for (Dataset dataset : datasets) {
            TimeGauge.builder("picu.master.last.success.age", this, TimeUnit.SECONDS, m -> m.lastSuccessAge(dataset))
                    .tag("dataset", dataset.dirName())
                    .description("Time since the dataset's newest successful job run; NaN while none is known")
                    .register(registry);
        }
    }

    /**
     * Takes each dataset's newest successful run from the ledger; a ledger that cannot be read is logged and
     * leaves the gauges unknown until the next success.
     */
    public MasterMetrics seed(RunLedger ledger, Collection<Dataset> datasets) {
        for (Dataset dataset : datasets) {
            try {
                ledger.recentRuns(dataset, LEDGER_DAYS).stream().filter(r -> r.state() == RunState.SUCCEEDED)
                        .map(RunRecord::endedAt).max(Instant::compareTo).ifPresent(at -> succeeded(dataset, at));
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot read the ledger of {} for metrics: {}", dataset.dirName(), e.toString());
            }
        }
        return this;
    }

    @Override
    public void cycled(List<Dataset> due, Optional<PassReport> report, Duration took) {
        Timer.builder("picu.master.cycle.duration").description("Scheduled cycles: ok, or error when the cycle stopped")
                .tag("result", report.isPresent() ? "ok" : "error").register(registry).record(took);
        report.ifPresent(r -> r.outcomes().forEach(this::outcome));
    }

    private void outcome(Outcome outcome) {
        String dataset = outcome.dataset().dirName();
        String kind = outcome.kind().name().toLowerCase(Locale.ROOT);
        Counter.builder("picu.master.partitions").description("Partitions cycles looked at, by what they did")
                .tags("dataset", dataset, "outcome", kind).register(registry).increment();
        outcome.run().ifPresent(run -> {
            String result = run.state() == RunState.SUCCEEDED ? "succeeded" : "failed";
            String job = run.job() == null ? "unknown" : run.job();
            Counter.builder("picu.master.job.runs")
                    .description("Job runs (after retries) by dataset, job and outcome")
                    .tags("dataset", dataset, "mr_job", job, "outcome", result)
                    .register(registry)
                    .increment();
            Timer.builder("picu.master.job.duration")
                    .description("Job run duration, first attempt to last, by dataset, job and outcome")
                    .tags("dataset", dataset, "mr_job", job, "outcome", result)
                    .register(registry)
                    .record(run.duration());
            if (run.state() == RunState.SUCCEEDED) {
                succeeded(outcome.dataset(), run.endedAt());
            }
        });
    }

    private void succeeded(Dataset dataset, Instant at) {
        lastSuccess.merge(dataset, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    private double lastSuccessAge(Dataset dataset) {
        Instant at = lastSuccess.get(dataset);
        return at == null ? Double.NaN : Math.max(0, Duration.between(at, clock.instant()).toMillis()) / 1000.0;
    }
}
