package org.picu.master.run;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.picu.jobs.DatasetJob;
import org.picu.jobs.publish.PartitionLock;
import org.picu.jobs.publish.RunIds;
import org.picu.master.compact.CompactionFaults;
import org.picu.master.compact.CompactionReport;
import org.picu.master.compact.RawCompactor;
import org.picu.master.config.OrchestratorSettings;
import org.picu.master.ledger.RunLedger;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.master.plan.InputFingerprints;
import org.picu.master.plan.PartitionInspector;
import org.picu.master.plan.Staleness;
import org.picu.master.plan.StalenessCheck;
import org.picu.master.registry.JobCatalog;
import org.picu.master.registry.JobRegistry;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the registry's jobs for a set of days, upstream before downstream: for each partition it checks
 * that the job exists, that the inputs are there and whether the partition is out of date, takes the
 * orchestrator lease, runs the job with retries and writes the ledger record. A failed partition only
 * holds back its own downstream partitions; every other dataset carries on.
 */
public final class Orchestrator {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    private final Configuration conf;
    private final FileSystem fs;
    private final HdfsLayout layout;
    private final JobRegistry registry;
    private final JobCatalog catalog;
    private final OrchestratorSettings settings;
    private final Clock clock;
    private final PartitionInspector inspector;
    private final StalenessCheck staleness;
    private final RunLedger ledger;
    private final JobExecutor executor;
    private final RawCompactor compactor;

    public Orchestrator(Configuration conf, FileSystem fs, HdfsLayout layout, JobRegistry registry, JobCatalog catalog,
                        OrchestratorSettings settings, Clock clock, Sleeper sleeper) {
        this.conf = conf;
        this.fs = fs;
        this.layout = layout;
        this.registry = registry;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.inspector = new PartitionInspector(fs, layout);
        InputFingerprints fingerprints = new InputFingerprints(fs, layout);
        this.staleness = new StalenessCheck(inspector, conf, fingerprints);
        this.ledger = new RunLedger(fs, layout);
        this.executor = new JobExecutor(conf, catalog, inspector, fingerprints, settings.retry(), settings.localJobs(),
                settings.id(), clock, sleeper);
        this.compactor = new RawCompactor(fs, layout, settings.compactAfter(), settings.leaseTtl(), settings.id(),
                clock, CompactionFaults.NONE);
    }

    /**
     * A scheduled cycle for the due datasets: days within the lookback window that have raw files. It first
     * compacts the raw directories of the window (closed hours of small files become one file each); a failing
     * compaction is logged and the cycle carries on, since readers are correct in any state it leaves.
     */
    public PassReport cycle(Collection<Dataset> due) throws IOException, InterruptedException {
        PartitionDate today = PartitionDate.of(clock.instant());
        PartitionDate oldest = new PartitionDate(today.day().minusDays(settings.lookbackDays() - 1L));
        compact(oldest, today);
        Set<String> sources = new TreeSet<>();
        registry.jobs().forEach(j -> sources.addAll(j.rawSources(conf)));
        List<PartitionDate> dates = inspector.rawDates(List.copyOf(sources)).stream()
                .filter(d -> d.compareTo(oldest) >= 0 && d.compareTo(today) <= 0).toList();
        PassReport report = run(dates, due, Mode.SCHEDULED, o -> { });
        pruneLedger(today);
        return report;
    }

    /** Once a day: run records of partition days older than the retention go (each run is a NameNode object). */
    private void pruneLedger(PartitionDate today) throws IOException {
        if (settings.ledgerRetentionDays() == 0 || today.equals(ledgerPrunedOn)) {
            return;
        }
        int deleted =
                ledger.deleteBefore(new PartitionDate(today.day().minusDays(settings.ledgerRetentionDays() - 1L)));
        if (deleted > 0) {
            LOG.info(
                    "Deleted the run records of {} partition days older than {} days",
                    deleted,
                    settings.ledgerRetentionDays());
        }
        ledgerPrunedOn = today;
    }

    private volatile PartitionDate ledgerPrunedOn;

    private void compact(PartitionDate oldest, PartitionDate today) {
        List<PartitionDate> window = new ArrayList<>();
        for (PartitionDate d = oldest; d.compareTo(today) <= 0; d = new PartitionDate(d.day().plusDays(1))) {
            window.add(d);
        }
        try {
            CompactionReport report = compactor.compact(window);
            if (report.written() + report.deleted() > 0 || report.leaseHeld()) {
                LOG.info(report.describe());
            }
        } catch (IOException e) {
            LOG.warn("compaction failed, the next cycle retries it: {}", e.toString());
        }
    }

    /**
     * Runs the given datasets for every day, upstream before downstream: a partition of a dataset starts
     * only when every partition of the pass of each of its upstream datasets is done. Going dataset-major
     * means a job whose window reaches into later days (candles read the next day's ticks) sees every
     * upstream day of the pass already published, so it is not out of date again at once. Within that
     * order up to {@link OrchestratorSettings#parallelJobs()} partitions run at once (independent datasets,
     * and the days of one dataset); the report lists them in the order a one-at-a-time pass would.
     *
     * @param progress told about every partition as soon as it is done (on the calling thread)
     */
    public PassReport run(
            List<PartitionDate> dates, Collection<Dataset> datasets, Mode mode, Consumer<Outcome> progress)
            throws IOException, InterruptedException {
        List<Pending> pending = new ArrayList<>();
        for (DatasetJob job : registry.jobs()) {
            if (datasets.contains(job.dataset())) {
                dates.forEach(date -> pending.add(new Pending(pending.size(), job, date)));
            }
        }
        Outcome[] outcomes = new Outcome[pending.size()];
        Set<String> failed = ConcurrentHashMap.newKeySet();
        Map<Dataset, Integer> unfinished = new EnumMap<>(Dataset.class);
        pending.forEach(p -> unfinished.merge(p.job().dataset(), 1, Integer::sum));

        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelJobs(), r -> {
            Thread t = new Thread(r, "orchestrator-job");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Outcome> completions = new ExecutorCompletionService<>(pool);
        Map<Future<Outcome>, Pending> inFlight = new HashMap<>();
        Exception error = null;
        try {
            while (!pending.isEmpty() || !inFlight.isEmpty()) {
                for (Iterator<Pending> it = pending.iterator();
                     error == null && it.hasNext() && inFlight.size() < settings.parallelJobs(); ) {
                    Pending p = it.next();
                    if (p.job().upstream().stream().noneMatch(u -> unfinished.getOrDefault(u, 0) > 0)) {
                        it.remove();
                        inFlight.put(completions.submit(() -> runPartition(p.job(), p.date(), mode, failed)), p);
                    }
                }
                if (inFlight.isEmpty()) {
                    break; // only after an error: nothing more is started
                }
                Future<Outcome> next = completions.take();
                Pending finished = inFlight.remove(next);
                Outcome outcome;
                try {
                    outcome = next.get();
                } catch (ExecutionException e) {
                    // A failing job is an outcome, not this. This is the ledger or lease storage failing: let the
                    // running jobs finish, start no more, then report it.
                    if (error == null) {
                        error = e.getCause() instanceof Exception cause ? cause : e;
                    }
                    continue;
                }
                if (outcome.kind() == Outcome.Kind.FAILED || outcome.kind() == Outcome.Kind.UPSTREAM_FAILED) {
                    failed.add(finished.job().dataset() + "/" + finished.date());
                }
                unfinished.merge(finished.job().dataset(), -1, Integer::sum);
                if (outcome.kind() == Outcome.Kind.FAILED) {
                    LOG.error(outcome.describe());
                } else if (outcome.run().isPresent()) {
                    LOG.info(outcome.describe());
                }
                outcomes[finished.index()] = outcome;
                progress.accept(outcome);
            }
        } finally {
            pool.shutdownNow();
            awaitRunning(pool);
        }
        if (error instanceof IOException io) {
            throw io;
        } else if (error instanceof InterruptedException ie) {
            throw ie;
        } else if (error != null) {
            throw new IOException("orchestrator pass failed: " + error, error);
        }
        return new PassReport(Arrays.stream(outcomes).filter(Objects::nonNull).toList());
    }

    /**
     * Waits (bounded) for the partitions still running when the pass ends, interrupted or not, so that they release
     * their lease and job lock before the pass returns: a daemon stopped by SIGTERM used to exit with its running
     * partitions' locks in place, which then blocked those partitions until their TTL (6 hours by default).
     */
    private static void awaitRunning(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(RELEASE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOG.warn("partitions of the pass still running after {} s; their leases may stay until their TTL",
                        RELEASE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long a pass that ends waits for its running partitions to release their locks. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(30);

    /** One partition of a pass, with its place in the one-at-a-time order. */
    private record Pending(int index, DatasetJob job, PartitionDate date) {
    }

    private Outcome runPartition(DatasetJob job, PartitionDate date, Mode mode, Set<String> failed)
            throws IOException, InterruptedException {
        Dataset dataset = job.dataset();
        if (!catalog.has(job.jobName())) {
            return Outcome.skipped(dataset, date, Outcome.Kind.UNAVAILABLE,
                    "job " + job.jobName() + " is not in the installed job jar");
        }
        Optional<Dataset> failedUpstream = job.upstream().stream()
                .filter(u -> failed.contains(u + "/" + date))
                .findFirst();
        if (failedUpstream.isPresent()) {
            return Outcome.skipped(
                    dataset,
                    date,
                    Outcome.Kind.UPSTREAM_FAILED,
                    failedUpstream.get().dirName() + " failed");
        }
        Optional<Outcome> notNow = decide(job, date, mode);
        if (notNow.isPresent()) {
            return notNow.get();
        }
        String runId = RunIds.next(clock);
        Optional<PartitionLock> lease = PartitionLease.tryAcquire(fs, layout, dataset, date,
                settings.id() + "/" + runId, settings.leaseTtl(), clock);
        if (lease.isEmpty()) {
            return Outcome.skipped(dataset, date, Outcome.Kind.LEASE_HELD, "another orchestrator is running it");
        }
        try (PartitionLock held = lease.get()) {
            // Decide again under the lease: another orchestrator may have published it meanwhile.
            Optional<Outcome> meanwhile = decide(job, date, mode);
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            RunRecord run = executor.execute(job, date, runId, mode);
            ledger.record(run);
            return Outcome.of(dataset, date, run);
        }
    }

    /** Why the partition is left alone, or empty when it should run now. */
    private Optional<Outcome> decide(DatasetJob job, PartitionDate date, Mode mode) throws IOException {
        Staleness state = staleness.check(job, date);
        if (state.verdict() == Staleness.Verdict.NO_INPUT) {
            return Optional.of(Outcome.skipped(job.dataset(), date, Outcome.Kind.WAITING, state.reason()));
        }
        if (!state.needsRun() && mode != Mode.FORCE) {
            return Optional.of(Outcome.skipped(job.dataset(), date, Outcome.Kind.UP_TO_DATE, state.reason()));
        }
        if (mode == Mode.SCHEDULED) {
            Optional<RunRecord> last = ledger.latest(job.dataset(), date);
            Instant until = last.filter(r -> r.state() == RunState.FAILED)
                    .map(r -> r.endedAt().plus(settings.retry().failureCooldown())).orElse(Instant.MIN);
            if (clock.instant().isBefore(until)) {
                return Optional.of(Outcome.skipped(job.dataset(), date, Outcome.Kind.COOLING_DOWN,
                        "failed at " + last.get().endedAt() + "; next try after " + until + " (or run backfill)"));
            }
        }
        return Optional.empty();
    }
}
