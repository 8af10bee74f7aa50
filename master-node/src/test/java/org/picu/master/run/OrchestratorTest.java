package org.picu.master.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.util.Tool;
import org.junit.jupiter.api.Test;
import org.picu.jobs.publish.PartitionLock;
import org.picu.master.config.OrchestratorSettings;
import org.picu.master.config.OrchestratorSettings.RetrySettings;
import org.picu.master.ledger.RunLedger;
import org.picu.master.ledger.RunRecord;
import org.picu.master.registry.JobCatalog;
import org.picu.master.registry.JobRegistry;
import org.picu.master.status.DatasetStatus;
import org.picu.master.status.PipelineStatus;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;

/** The orchestrator with the real clean-market job on the local job runner and the local file system. */
class OrchestratorTest {
    private static final PartitionDate D1 = PartitionDate.parse("20261101");
    private static final PartitionDate D2 = PartitionDate.parse("20261102");
    private static final PartitionDate D3 = PartitionDate.parse("20261103");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T12:00:00Z"), ZoneOffset.UTC);

    private static Orchestrator orchestrator(LocalLayout local, String id, JobCatalog catalog) {
        return orchestrator(local, id, catalog, 1);
    }

    private static Orchestrator orchestrator(LocalLayout local, String id, JobCatalog catalog, int parallelJobs) {
        OrchestratorSettings settings = new OrchestratorSettings(id, 3, "* * * * *", Map.of(), Duration.ofHours(1),
                new RetrySettings(2, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofHours(1)), parallelJobs);
        return new Orchestrator(local.conf, local.fs, local.layout, JobRegistry.standard(), catalog, settings, CLOCK,
                d -> { });
    }

    @Test
    void backfill_reports_progress_and_a_rerun_skips_days_published_from_the_same_inputs() throws Exception {
        LocalLayout local = new LocalLayout("orchestrator-backfill");
        RawFixtures.upbit(local.fs, local.layout, D1, "w1", 1, 3);
        RawFixtures.upbit(local.fs, local.layout, D3, "w1", 4, 2);
        Orchestrator orchestrator = orchestrator(local, "a", JobCatalog.fromJobJar());
        List<String> progress = new ArrayList<>();

        PassReport first = orchestrator.run(List.of(D1, D2, D3), List.of(Dataset.MARKET_TICKS), Mode.IF_STALE,
                o -> progress.add(o.describe()));

        assertEquals(3, progress.size(), "one progress line per day: " + progress);
        assertEquals(List.of(Outcome.Kind.SUCCEEDED, Outcome.Kind.WAITING, Outcome.Kind.SUCCEEDED),
                first.outcomes().stream().map(Outcome::kind).toList());
        PassReport again = orchestrator.run(List.of(D1, D2, D3), List.of(Dataset.MARKET_TICKS), Mode.IF_STALE, o -> {});
        assertEquals(List.of(), again.runs(), "resumed backfill submits nothing");
        assertEquals(2, again.of(Outcome.Kind.UP_TO_DATE).size());

        PassReport forced = orchestrator.run(List.of(D1), List.of(Dataset.MARKET_TICKS), Mode.FORCE, o -> { });
        assertEquals(1, forced.of(Outcome.Kind.SUCCEEDED).size(), "run-date rebuilds even an up-to-date day");
        assertEquals(2, new RunLedger(local.fs, local.layout).runs(Dataset.MARKET_TICKS, D1).size());

        DatasetStatus status = new PipelineStatus(
                        local.fs, local.layout, JobRegistry.standard(), JobCatalog.fromJobJar())
                .datasets()
                .get(0);
        assertEquals("market_ticks", status.dataset());
        assertEquals(D3, status.lastPublished().orElseThrow());
        assertEquals(0, status.lagDays());
    }

    /**
     * A late tick file for day 2 republishes day 2's ticks; candles of day 1 read them too (ticks crawled after
     * midnight) and are rebuilt, but come out the same, so day 1's indicators are up to date by content; day 2's run.
     */
    @Test
    void a_derived_partition_whose_upstream_was_republished_with_the_same_content_is_not_run_again() throws Exception {
        LocalLayout local = new LocalLayout("orchestrator-fingerprints");
        RawFixtures.upbit(local.fs, local.layout, D1, "w1", 1, 6);
        RawFixtures.upbit(local.fs, local.layout, D2, "w1", 7, 6);
        List<Dataset> market = List.of(Dataset.MARKET_TICKS, Dataset.CANDLES_1H, Dataset.INDICATORS);
        Orchestrator orchestrator = orchestrator(local, "a", JobCatalog.fromJobJar());
        PassReport first = orchestrator.run(List.of(D1, D2), market, Mode.SCHEDULED, o -> { });
        assertEquals(6, first.of(Outcome.Kind.SUCCEEDED).size(), first.outcomes().toString());
        RunRecord indicators = new RunLedger(local.fs, local.layout).latest(Dataset.INDICATORS, D2).orElseThrow();
        assertEquals(java.util.Set.of("candles_1h/20261101", "candles_1h/20261102"), indicators.inputs().keySet(),
                "a derived run records what it read");

        RawFixtures.upbit(local.fs, local.layout, D2, "w2", 1, 2);
        PassReport late = orchestrator.run(List.of(D1, D2), market, Mode.SCHEDULED, o -> { });

        assertEquals(
                List.of("20261101 candles_1h", "20261102 candles_1h", "20261102 indicators", "20261102 market_ticks"),
                late.of(Outcome.Kind.SUCCEEDED).stream()
                        .map(o -> o.date() + " " + o.dataset().dirName())
                        .sorted()
                        .toList(),
                late.outcomes().toString());
        Outcome sameContent = late.outcomes().stream()
                .filter(o -> o.dataset() == Dataset.INDICATORS && o.date().equals(D1)).findFirst().orElseThrow();
        assertEquals(Outcome.Kind.UP_TO_DATE, sameContent.kind(), sameContent.describe());
        assertTrue(sameContent.detail().contains("candles_1h 20261101 republished with the same content"),
                sameContent.describe());
    }

    @Test
    void a_partition_leased_by_another_orchestrator_is_skipped_without_submitting() throws Exception {
        LocalLayout local = new LocalLayout("orchestrator-lease");
        RawFixtures.upbit(local.fs, local.layout, D1, "w1", 1, 3);
        int[] submitted = {0};
        JobCatalog counting = new JobCatalog(Map.of("clean-market", () -> {
            submitted[0]++;
            return JobCatalog.fromJobJar().newTool("clean-market").orElseThrow();
        }));
        try (PartitionLock other = PartitionLease.tryAcquire(local.fs, local.layout, Dataset.MARKET_TICKS, D1, "b/run",
                Duration.ofHours(1), CLOCK).orElseThrow()) {
            PassReport report = orchestrator(local, "a", counting).cycle(List.of(Dataset.values()));

            assertEquals(Outcome.Kind.LEASE_HELD, report.outcomes().stream()
                    .filter(o -> o.dataset() == Dataset.MARKET_TICKS).findFirst().orElseThrow().kind());
            assertEquals(0, submitted[0]);
        }
        PassReport after = orchestrator(local, "a", counting).cycle(List.of(Dataset.values()));
        assertEquals(1, after.of(Outcome.Kind.SUCCEEDED).size(), "released lease: the next cycle runs it");
    }

    @Test
    void jobs_missing_from_the_jar_are_reported_unavailable_and_a_usage_error_is_not_retried() throws Exception {
        LocalLayout local = new LocalLayout("orchestrator-unavailable");
        RawFixtures.upbit(local.fs, local.layout, D1, "w1", 1, 3);
        int[] runs = {0};
        JobCatalog usageError = new JobCatalog(Map.of("clean-market", () -> new ExitCodeTool(2, runs),
                "candles-1h", () -> new ExitCodeTool(0, new int[1])));

        PassReport report = orchestrator(local, "a", usageError).cycle(List.of(Dataset.values()));

        assertEquals(1, runs[0], "exit 2 cannot pass on a retry");
        assertTrue(report.anyFailed());
        assertEquals(Outcome.Kind.UPSTREAM_FAILED, kindOf(report, Dataset.CANDLES_1H));
        assertEquals(Outcome.Kind.UNAVAILABLE, kindOf(report, Dataset.NEWS));
        PassReport cooling = orchestrator(local, "a", usageError).cycle(List.of(Dataset.values()));
        assertEquals(Outcome.Kind.COOLING_DOWN, kindOf(cooling, Dataset.MARKET_TICKS));
        assertEquals(1, runs[0]);
    }

    @Test
    void parallel_jobs_run_independent_partitions_together_but_never_before_their_upstream() throws Exception {
        LocalLayout local = new LocalLayout("orchestrator-parallel");
        RawFixtures.upbit(local.fs, local.layout, D1, "w1", 1, 3);
        RawFixtures.upbit(local.fs, local.layout, D2, "w1", 4, 3);
        // Both days of clean-market must be running at the same moment to get past this barrier.
        CyclicBarrier bothDays = new CyclicBarrier(2);
        AtomicInteger marketDone = new AtomicInteger();
        List<Integer> marketDoneWhenCandlesStarted = Collections.synchronizedList(new ArrayList<>());
        JobCatalog real = JobCatalog.fromJobJar();
        JobCatalog gated = new JobCatalog(Map.of(
                "clean-market", () -> new Wrapped(real.newTool("clean-market").orElseThrow(), () -> {
                    bothDays.await(30, TimeUnit.SECONDS);
                }, marketDone::incrementAndGet),
                "candles-1h", () -> new Wrapped(real.newTool("candles-1h").orElseThrow(),
                        () -> marketDoneWhenCandlesStarted.add(marketDone.get()), () -> { })));

        PassReport report = orchestrator(local, "a", gated, 3).run(List.of(D1, D2),
                List.of(Dataset.MARKET_TICKS, Dataset.CANDLES_1H), Mode.IF_STALE, o -> { });

        assertEquals(List.of(Dataset.MARKET_TICKS, Dataset.MARKET_TICKS, Dataset.CANDLES_1H, Dataset.CANDLES_1H),
                report.outcomes().stream().map(Outcome::dataset).toList(), "reported in one-at-a-time order");
        assertEquals(4, report.of(Outcome.Kind.SUCCEEDED).size(), report.outcomes().toString());
        assertEquals(List.of(2, 2), marketDoneWhenCandlesStarted, "candles started only after both days of ticks");
    }

    /**
     * Regression: a daemon stopped by SIGTERM kept starting jobs, because Hadoop's client reports the
     * interrupt as an InterruptedIOException, which counted as a failed attempt to retry.
     */
    @Test
    void an_interrupted_job_stops_the_pass_instead_of_being_retried() throws Exception {
        LocalLayout local = new LocalLayout("orchestrator-interrupted");
        RawFixtures.upbit(local.fs, local.layout, D1, "w1", 1, 3);
        int[] runs = {0};
        JobCatalog interrupted = new JobCatalog(Map.of("clean-market", () -> new InterruptedTool(runs)));

        assertThrows(InterruptedException.class, () -> orchestrator(local, "a", interrupted, 2)
                .run(List.of(D1), List.of(Dataset.MARKET_TICKS), Mode.IF_STALE, o -> { }));

        assertEquals(1, runs[0], "no second attempt after the interrupt");
        assertEquals(List.of(), new RunLedger(local.fs, local.layout).runs(Dataset.MARKET_TICKS, D1),
                "an interrupted run is not recorded as failed");
    }

    /**
     * Regression (found by the system proof): a daemon stopped by SIGTERM returned from its pass while its running
     * partition was still unwinding, so the JVM exited before the partition's lease and job lock were released
     * (and Hadoop's shutdown hook had closed the file system they are released through); the partition stayed
     * blocked until the TTL, 6 hours for the job lock by default. The pass now waits for its running partitions.
     */
    @Test
    void an_interrupted_pass_returns_only_after_its_running_partition_released_its_lease() throws Exception {
        LocalLayout local = new LocalLayout("orchestrator-interrupted-release");
        RawFixtures.upbit(local.fs, local.layout, D1, "w1", 1, 3);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        JobCatalog slowToStop = new JobCatalog(Map.of("clean-market", () -> new SlowToStopTool(started)));
        Orchestrator orchestrator = orchestrator(local, "a", slowToStop, 2);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread pass = new Thread(() -> {
            try {
                orchestrator.run(List.of(D1), List.of(Dataset.MARKET_TICKS), Mode.IF_STALE, o -> { });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        pass.start();
        assertTrue(started.await(30, java.util.concurrent.TimeUnit.SECONDS), "the job started");

        pass.interrupt();
        pass.join(60_000);

        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertFalse(local.fs.exists(PartitionLease.path(local.layout, Dataset.MARKET_TICKS, D1)),
                "the lease is released before the pass returns");
    }

    /** A job that waits until interrupted, then takes a moment to stop, as Hadoop's client killing its job does. */
    private static final class SlowToStopTool extends org.apache.hadoop.conf.Configured implements Tool {
        private final java.util.concurrent.CountDownLatch started;

        SlowToStopTool(java.util.concurrent.CountDownLatch started) {
            this.started = started;
        }

        @Override
        public int run(String[] args) throws Exception {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                long until = System.nanoTime() + 500_000_000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                throw new java.io.InterruptedIOException("interrupted while waiting for the job");
            }
            return 0;
        }
    }

    private static Outcome.Kind kindOf(PassReport report, Dataset dataset) {
        return report.outcomes().stream().filter(o -> o.dataset() == dataset).findFirst().orElseThrow().kind();
    }

    /** A real job with a hook before and after it. */
    private static final class Wrapped extends org.apache.hadoop.conf.Configured implements Tool {
        private final Tool job;
        private final Hook before;
        private final Hook after;

        Wrapped(Tool job, Hook before, Hook after) {
            this.job = job;
            this.before = before;
            this.after = after;
        }

        @Override
        public int run(String[] args) throws Exception {
            before.run();
            job.setConf(getConf());
            int code = job.run(args);
            after.run();
            return code;
        }
    }

    private interface Hook {
        void run() throws Exception;
    }

    /** A job whose wait for completion is interrupted, as Hadoop's client reports it. */
    private static final class InterruptedTool extends org.apache.hadoop.conf.Configured implements Tool {
        private final int[] runs;

        InterruptedTool(int[] runs) {
            this.runs = runs;
        }

        @Override
        public int run(String[] args) throws java.io.InterruptedIOException {
            runs[0]++;
            throw new java.io.InterruptedIOException("interrupted while waiting for the job");
        }
    }

    /** A job that exits with a fixed code, as a job rejecting its arguments does. */
    private static final class ExitCodeTool extends org.apache.hadoop.conf.Configured implements Tool {
        private final int code;
        private final int[] runs;

        ExitCodeTool(int code, int[] runs) {
            this.code = code;
            this.runs = runs;
        }

        @Override
        public int run(String[] args) {
            runs[0]++;
            return code;
        }
    }
}
