package org.picu.master.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.picu.jobs.publish.PublishConfigKeys;
import org.picu.master.TestHdfs;
import org.picu.master.config.OrchestratorSettings;
import org.picu.master.config.OrchestratorSettings.RetrySettings;
import org.picu.master.hadoopconf.HadoopConf;
import org.picu.master.ledger.RunLedger;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.master.plan.PartitionInspector;
import org.picu.master.registry.JobCatalog;
import org.picu.master.registry.JobRegistry;
import org.picu.master.status.DatasetStatus;
import org.picu.master.status.PipelineStatus;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/**
 * The orchestrator against a real (mini) HDFS and YARN whose NodeManager, container, heap and scheduler
 * sizes come from the rendered {@code pi4-cluster} templates, running the whole standard pipeline two
 * jobs at a time. The tests are steps of one story and run in order: first cycle, idle cycle, a late file
 * picked up by two orchestrators at once while a broken job fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrchestratorYarnIT {
    /** The Pi sizing keys taken from the rendered templates (addresses and directories stay the mini cluster's). */
    private static final List<String> PI_YARN_KEYS = List.of("yarn.nodemanager.resource.memory-mb",
            "yarn.scheduler.minimum-allocation-mb", "yarn.scheduler.maximum-allocation-mb",
            "yarn.nodemanager.vmem-check-enabled", "yarn.nodemanager.pmem-check-enabled",
            "yarn.scheduler.capacity.maximum-am-resource-percent",
            "yarn.resourcemanager.nodemanagers.heartbeat-interval-ms");
    private static final List<String> PI_JOB_KEYS = List.of("mapreduce.map.memory.mb", "mapreduce.map.java.opts",
            "mapreduce.reduce.memory.mb", "mapreduce.reduce.java.opts", "yarn.app.mapreduce.am.resource.mb",
            "yarn.app.mapreduce.am.command-opts", "mapreduce.task.io.sort.mb", "mapreduce.map.speculative",
            "mapreduce.reduce.speculative", "mapreduce.map.output.compress", "mapreduce.map.output.compress.codec");

    private static final PartitionDate DAY1 = PartitionDate.parse("20261101");
    private static final PartitionDate DAY2 = PartitionDate.parse("20261102");
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    /** Ticks per day file: BTC and ETH in turn every 15 minutes from 00:15 to 23:30, two per symbol and hour. */
    private static final int TICKS_PER_DAY = 94;
    /** The orchestrator's default: two jobs at once. */
    private static final int PARALLEL_JOBS = 2;
    /**
     * The whole standard pipeline: clean-market, clean-news, clean-fear-greed, candles, indicators, sentiment,
     * insights.
     */
    private static final JobRegistry REGISTRY = JobRegistry.standard();

    private static MiniDFSCluster dfs;
    private static MiniMRYarnCluster yarn;
    private static Configuration jobConf;
    private static FileSystem fs;
    private static final HdfsLayout LAYOUT = new HdfsLayout("/");
    private static final ProbedCatalog PROBE = new ProbedCatalog();
    private static JobCatalog catalog;

    @BeforeAll
    static void startCluster() throws Exception {
        Map<String, String> rendered = HadoopConf.render(HadoopConf.profile("pi4-cluster"));
        Configuration pi = new Configuration(false);
        for (String site : List.of("yarn-site.xml", "mapred-site.xml", "capacity-scheduler.xml")) {
            pi.addResource(new ByteArrayInputStream(rendered.get(site).getBytes(StandardCharsets.UTF_8)), site);
        }

        dfs = TestHdfs.start(Paths.get("target", "minidfs-orchestrator-it"));
        fs = dfs.getFileSystem();

        Configuration yarnConf = new Configuration(dfs.getConfiguration(0));
        PI_YARN_KEYS.forEach(k -> yarnConf.set(k, pi.get(k)));
        yarnConf.setFloat("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 99f);
        // Without these the NodeManager waits ~10 s for log handlers and killed containers on shutdown.
        yarnConf.setInt("yarn.nodemanager.log.retain-seconds", 1);
        yarnConf.setInt("yarn.nodemanager.process-kill-wait.ms", 200);
        yarn = new MiniMRYarnCluster("picu-orchestrator-it", 1);
        yarn.init(yarnConf);
        yarn.start();

        jobConf = new Configuration(yarn.getConfig());
        PI_JOB_KEYS.forEach(k -> jobConf.set(k, pi.get(k)));
        jobConf.set(PublishConfigKeys.ROOT, "/");
        jobConf.setInt("mapreduce.client.completion.pollinterval", 200);
        jobConf.setInt("mapreduce.client.progressmonitor.pollinterval", 200);
        // Test-only speed-up of the control loop, not of sizes: the AM asks for containers on its own heartbeat,
        // once a second by default (the NodeManager heartbeat that hands them out is the profile's 200 ms).
        jobConf.setInt("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", 200);
        assertEquals(2560, yarn.getConfig().getInt("yarn.nodemanager.resource.memory-mb", 0), "Pi NodeManager size");
        assertEquals("-Xmx410m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC", jobConf.get("mapreduce.map.java.opts"));
        assertEquals(768, jobConf.getInt("mapreduce.reduce.memory.mb", 0));

        catalog = PROBE.catalog();
    }

    @AfterAll
    static void stopCluster() {
        if (yarn != null) {
            yarn.stop();
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    /** An orchestrator that sends every job to YARN (automatic local mode off). */
    private static Orchestrator orchestrator(String id, Instant now) {
        return orchestrator(id, now, OrchestratorSettings.LocalJobs.NEVER);
    }

    private static Orchestrator orchestrator(String id, Instant now, OrchestratorSettings.LocalJobs localJobs) {
        OrchestratorSettings settings = new OrchestratorSettings(id, 3, "* * * * *", Map.of(), Duration.ofHours(1),
                new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofDays(2)), PARALLEL_JOBS,
                localJobs);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now));
        return new Orchestrator(
                jobConf, fs, LAYOUT, REGISTRY, catalog, settings, clock, d -> Thread.sleep(d.toMillis()));
    }

    private static Instant noon(PartitionDate day) {
        return day.start().plus(Duration.ofHours(12));
    }

    private static PartitionManifest manifest(Dataset dataset, PartitionDate day) throws Exception {
        return new PartitionInspector(fs, LAYOUT).manifest(dataset, day).orElseThrow(
                () -> new AssertionError(dataset.dirName() + " " + day + " is not published"));
    }

    @Test
    @Order(1)
    void one_cycle_publishes_every_dataset_for_both_days() throws Exception {
        RawFixtures.upbit(fs, LAYOUT, DAY1, "w1", 1, TICKS_PER_DAY, QUARTER_HOUR, 0);
        RawFixtures.upbit(fs, LAYOUT, DAY2, "w2", 1, TICKS_PER_DAY, QUARTER_HOUR, 0);
        RawFixtures.news(fs, LAYOUT, DAY1, "w1", 1, "Bitcoin rally lifts BTC to a record high",
                "BTC miners report steady output", "Bitcoin surge continues as BTC demand grows",
                "BTC funding rates rise again");
        RawFixtures.news(fs, LAYOUT, DAY2, "w2", 1, "BTC crash wipes out leveraged longs",
                "Bitcoin plunge deepens for BTC holders", "BTC rally stalls near resistance",
                "Analysts expect BTC surge after the halving");
        RawFixtures.fearGreed(fs, LAYOUT, DAY1);
        RawFixtures.fearGreed(fs, LAYOUT, DAY2);

        PassReport report = orchestrator("orch-a", noon(DAY2)).cycle(List.of(Dataset.values()));

        assertEquals(List.of(), report.outcomes().stream().filter(o -> o.kind() != Outcome.Kind.SUCCEEDED)
                .map(Outcome::describe).toList(), "every partition of the first cycle succeeds");
        for (Dataset dataset : Dataset.values()) {
            for (PartitionDate day : List.of(DAY1, DAY2)) {
                PartitionManifest m = manifest(dataset, day);
                RunRecord run = new RunLedger(fs, LAYOUT).latest(dataset, day).orElseThrow();
                assertEquals(RunState.SUCCEEDED, run.state(), run.toString());
                assertEquals(m.runId(), run.partitionRunId(), dataset.dirName() + " " + day);
                assertEquals(m.recordCount(), run.counters().get("records"));
            }
        }
        assertEquals(TICKS_PER_DAY, manifest(Dataset.MARKET_TICKS, DAY1).recordCount());
        assertEquals(4, manifest(Dataset.NEWS, DAY2).recordCount());
        assertEquals(4, manifest(Dataset.NEWS_SENTIMENT, DAY2).recordCount());
        assertEquals(1, manifest(Dataset.FEAR_GREED, DAY1).recordCount());
        assertEquals(48, manifest(Dataset.CANDLES_1H, DAY1).recordCount(), "24 hours x 2 symbols");
        assertEquals(48, manifest(Dataset.INDICATORS, DAY2).recordCount(), "one row per symbol and hour");
        assertEquals(14, report.runs().size(), "7 datasets x 2 days, each once");
        assertEquals(PARALLEL_JOBS, PROBE.maxConcurrent.get(), "independent jobs ran side by side, never more");
        assertEquals(Set.of(), PROBE.overlaps);
    }

    @Test
    @Order(2)
    void a_cycle_without_new_raw_data_submits_nothing() throws Exception {
        int before = PROBE.submissions.get();

        PassReport report = orchestrator("orch-a", noon(DAY2).plusSeconds(600)).cycle(List.of(Dataset.values()));

        assertEquals(List.of(), report.runs());
        assertEquals(before, PROBE.submissions.get());
        assertEquals(14, report.of(Outcome.Kind.UP_TO_DATE).size(), report.outcomes().toString());
    }

    /**
     * One step for three requirements, because every YARN job costs tens of CPU seconds on two cores: a
     * late tick file for day 1 must rebuild day 1 only; two orchestrators cycling at the same moment must
     * build it once; and a job that fails (clean-fear-greed, broken for this step, with a late file for
     * day 2) is retried, reported, and holds up nothing else. The cycle is the one the daemon's per-dataset
     * schedules fire for market ticks and Fear &amp; Greed; the downstream datasets follow in their own
     * scheduled cycles (how a late day-1 tick file makes candles, indicators and insights stale, over which
     * days, is StalenessCheckTest's and OrchestratorTest's).
     */
    @Test
    @Order(3)
    void a_late_file_rebuilds_its_day_once_under_two_orchestrators_while_a_failing_job_is_retried_and_reported()
            throws Exception {
        Map<Dataset, String> day2Runs = new java.util.EnumMap<>(Dataset.class);
        for (Dataset d : Dataset.values()) {
            day2Runs.put(d, manifest(d, DAY2).runId());
        }
        String late = RawFixtures.upbit(fs, LAYOUT, DAY1, "w3", 1, 2);
        RawFixtures.fearGreed(fs, LAYOUT, DAY2, "w3", 2);
        PROBE.broken.add("clean-fear-greed");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<RunRecord> runs = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<PassReport>> reports = new ArrayList<>();
            for (String id : List.of("orch-a", "orch-b")) {
                Orchestrator o = orchestrator(id, noon(DAY2).plusSeconds(1200));
                reports.add(pool.submit(() -> {
                    start.await();
                    return o.cycle(List.of(Dataset.MARKET_TICKS, Dataset.FEAR_GREED));
                }));
            }
            for (Future<PassReport> r : reports) {
                runs.addAll(r.get().runs());
                outcomes.addAll(r.get().outcomes());
            }
        } finally {
            pool.shutdownNow();
            PROBE.broken.clear();
        }

        assertEquals(Set.of(), PROBE.overlaps, "no job ran twice at once for the same day");
        List<String> rebuilt = runs.stream().filter(r -> r.state() == RunState.SUCCEEDED)
                .map(r -> r.dataset() + "/" + r.date()).sorted().toList();
        assertEquals(List.of("market_ticks/20261101"), rebuilt, "day 1's ticks, once: " + runs);
        assertTrue(outcomes.stream().anyMatch(o -> o.dataset() == Dataset.MARKET_TICKS && o.date().equals(DAY1)
                && (o.kind() == Outcome.Kind.LEASE_HELD || o.kind() == Outcome.Kind.UP_TO_DATE)),
                "the other orchestrator skipped day 1");
        assertTrue(manifest(Dataset.MARKET_TICKS, DAY1).inputFiles().stream().anyMatch(f -> f.endsWith(late)),
                manifest(Dataset.MARKET_TICKS, DAY1).inputFiles().toString());
        assertEquals(TICKS_PER_DAY + 2, manifest(Dataset.MARKET_TICKS, DAY1).recordCount());
        for (Dataset d : Dataset.values()) {
            assertEquals(day2Runs.get(d), manifest(d, DAY2).runId(), d.dirName() + " of day 2 untouched");
        }

        // The broken job ran its three attempts once (the other orchestrator found it leased or cooling
        // down), is in the ledger and in status, and left the published day-2 partition as it was.
        assertEquals(3, PROBE.failingRuns.get());
        RunRecord failed = new RunLedger(fs, LAYOUT).latest(Dataset.FEAR_GREED, DAY2).orElseThrow();
        assertEquals(RunState.FAILED, failed.state());
        assertEquals(3, failed.attempts());
        assertEquals(day2Runs.get(Dataset.FEAR_GREED), manifest(Dataset.FEAR_GREED, DAY2).runId());
        DatasetStatus fearGreed = new PipelineStatus(fs, LAYOUT, REGISTRY, catalog).datasets().stream()
                .filter(s -> s.dataset().equals("fear_greed")).findFirst().orElseThrow();
        assertEquals(1, fearGreed.recentFailures());
        assertEquals(0, fearGreed.lagDays());
    }

    /**
     * Automatic local mode with the shipped limits: a late tick file for day 2 is cleaned, and the candles and
     * indicators it makes stale rebuilt, on the local job runner inside the orchestrator, from and into the same HDFS;
     * the ResourceManager sees no new application. A limit below the input sends the same kind of job to YARN.
     */
    @Test
    @Order(4)
    void small_inputs_run_next_to_the_orchestrator_and_big_ones_on_yarn() throws Exception {
        int appsBefore = yarn.getResourceManager().getRMContext().getRMApps().size();
        String late = RawFixtures.upbit(fs, LAYOUT, DAY2, "w4", 1, 2);

        PassReport local = orchestrator("orch-a", noon(DAY2).plusSeconds(1800), OrchestratorSettings.LocalJobs.DEFAULT)
                .cycle(List.of(Dataset.MARKET_TICKS, Dataset.CANDLES_1H, Dataset.INDICATORS));

        // candles of day 1 read day 2's ticks too, and day 1's late ticks of the previous step were never rolled up
        assertEquals(
                List.of(
                        "candles_1h/20261101",
                        "candles_1h/20261102",
                        "indicators/20261101",
                        "indicators/20261102",
                        "market_ticks/20261102"),
                local.runs().stream()
                        .filter(r -> r.state() == RunState.SUCCEEDED)
                        .map(r -> r.dataset() + "/" + r.date())
                        .sorted()
                        .toList(),
                local.outcomes().toString());
        assertTrue(manifest(Dataset.MARKET_TICKS, DAY2).inputFiles().stream().anyMatch(f -> f.endsWith(late)));
        assertEquals(TICKS_PER_DAY + 2, manifest(Dataset.MARKET_TICKS, DAY2).recordCount());
        assertEquals(appsBefore, yarn.getResourceManager().getRMContext().getRMApps().size(),
                "no YARN application for inputs within the local limits");

        RawFixtures.upbit(fs, LAYOUT, DAY2, "w5", 1, 2);
        PassReport onYarn = orchestrator(
                        "orch-a", noon(DAY2).plusSeconds(2400), new OrchestratorSettings.LocalJobs(1, 2000))
                .cycle(List.of(Dataset.MARKET_TICKS));

        assertEquals(1, onYarn.runs().size(), onYarn.outcomes().toString());
        assertEquals(RunState.SUCCEEDED, onYarn.runs().get(0).state());
        assertEquals(appsBefore + 1, yarn.getResourceManager().getRMContext().getRMApps().size(),
                "an input above the limit is a YARN application");
    }
}
