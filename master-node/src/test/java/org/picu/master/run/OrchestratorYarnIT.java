package org.picu.master.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * sizes come from the rendered {@code pi4-cluster} templates. The tests are steps of one story and run in
 * order: first cycle, idle cycle, a late file picked up by two orchestrators at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrchestratorYarnIT {
    /** The Pi sizing keys taken from the rendered templates (addresses and directories stay the mini cluster's). */
    private static final List<String> PI_YARN_KEYS = List.of("yarn.nodemanager.resource.memory-mb",
            "yarn.scheduler.minimum-allocation-mb", "yarn.scheduler.maximum-allocation-mb",
            "yarn.nodemanager.vmem-check-enabled", "yarn.nodemanager.pmem-check-enabled",
            "yarn.scheduler.capacity.maximum-am-resource-percent");
    private static final List<String> PI_JOB_KEYS = List.of("mapreduce.map.memory.mb", "mapreduce.map.java.opts",
            "mapreduce.reduce.memory.mb", "mapreduce.reduce.java.opts", "yarn.app.mapreduce.am.resource.mb",
            "yarn.app.mapreduce.am.command-opts", "mapreduce.task.io.sort.mb", "mapreduce.map.speculative",
            "mapreduce.reduce.speculative", "mapreduce.map.output.compress", "mapreduce.map.output.compress.codec");

    private static final PartitionDate DAY1 = PartitionDate.parse("20261101");
    private static final PartitionDate DAY2 = PartitionDate.parse("20261102");
    private static final String FAILING_JOB = "clean-fear-greed";
    /**
     * The market chain as the standard registry wires it, plus Fear &amp; Greed whose job is replaced by one
     * that fails. The rest of the standard registry (news, indicators, insights) is left out only to keep
     * the number of YARN jobs, tens of seconds each on two cores, small; its wiring is covered by
     * JobRegistryTest and JobJarListingTest.
     */
    private static final JobRegistry REGISTRY = JobRegistry.of(List.of(
            JobRegistry.standard().of(Dataset.MARKET_TICKS).orElseThrow(),
            JobRegistry.standard().of(Dataset.CANDLES_1H).orElseThrow(),
            JobRegistry.standard().of(Dataset.FEAR_GREED).orElseThrow()));

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

        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, Paths.get("target", "minidfs-orchestrator-it").toAbsolutePath().toString());
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
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
        assertEquals(2560, yarn.getConfig().getInt("yarn.nodemanager.resource.memory-mb", 0), "Pi NodeManager size");
        assertEquals("-Xmx410m", jobConf.get("mapreduce.map.java.opts"));
        assertEquals(768, jobConf.getInt("mapreduce.reduce.memory.mb", 0));

        catalog = PROBE.catalog(FAILING_JOB);
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

    private static Orchestrator orchestrator(String id, Instant now) {
        OrchestratorSettings settings = new OrchestratorSettings(id, 3, "* * * * *", Map.of(), Duration.ofHours(1),
                new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofDays(2)));
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now));
        return new Orchestrator(jobConf, fs, LAYOUT, REGISTRY, catalog, settings, clock, d -> Thread.sleep(d.toMillis()));
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
    void one_cycle_publishes_every_available_dataset_for_both_days_and_reports_the_failing_job() throws Exception {
        // One file per day: each file is a map container, and containers are what makes YARN tests slow.
        RawFixtures.upbit(fs, LAYOUT, DAY1, "w1", 1, 5);
        RawFixtures.upbit(fs, LAYOUT, DAY2, "w1", 6, 6);
        RawFixtures.fearGreed(fs, LAYOUT, DAY1);

        PassReport report = orchestrator("orch-a", noon(DAY2)).cycle(List.of(Dataset.values()));

        for (PartitionDate day : List.of(DAY1, DAY2)) {
            assertEquals(day.equals(DAY1) ? 5 : 6, manifest(Dataset.MARKET_TICKS, day).recordCount());
        }
        for (Outcome o : report.outcomes()) {
            switch (o.kind()) {
                case SUCCEEDED -> manifest(o.dataset(), o.date());
                case FAILED -> assertEquals(Dataset.FEAR_GREED, o.dataset(), o.describe());
                case UNAVAILABLE, WAITING, UPSTREAM_FAILED -> { }
                default -> throw new AssertionError("unexpected in a first cycle: " + o.describe());
            }
        }
        // Every dataset whose job is in the jar and whose input is there was published for both days,
        // downstream (candles, once the job jar has it) included.
        REGISTRY.jobs().stream().filter(j -> j.dataset() != Dataset.FEAR_GREED).filter(j -> catalog.has(j.jobName()))
                .forEach(j -> assertEquals(2, report.of(Outcome.Kind.SUCCEEDED).stream()
                        .filter(o -> o.dataset() == j.dataset()).count(), j.dataset().dirName() + " for both days"));

        // The failing job was retried up to the limit, then reported in the ledger and in status.
        assertEquals(3, PROBE.failingRuns.get());
        RunRecord failed = new RunLedger(fs, LAYOUT).latest(Dataset.FEAR_GREED, DAY1).orElseThrow();
        assertEquals(RunState.FAILED, failed.state());
        assertEquals(3, failed.attempts());
        RunRecord ok = new RunLedger(fs, LAYOUT).latest(Dataset.MARKET_TICKS, DAY1).orElseThrow();
        assertEquals(RunState.SUCCEEDED, ok.state());
        assertEquals(5L, ok.counters().get("records"));
        assertEquals(manifest(Dataset.MARKET_TICKS, DAY1).runId(), ok.partitionRunId());
        DatasetStatus fearGreed = new PipelineStatus(fs, LAYOUT, REGISTRY, catalog).datasets().stream()
                .filter(s -> s.dataset().equals("fear_greed")).findFirst().orElseThrow();
        assertEquals(1, fearGreed.recentFailures());
        assertEquals(DatasetStatus.NEVER_PUBLISHED, fearGreed.lagDays());
    }

    @Test
    @Order(2)
    void a_cycle_without_new_raw_data_submits_nothing() throws Exception {
        int before = PROBE.submissions.get();

        PassReport report = orchestrator("orch-a", noon(DAY2).plusSeconds(600)).cycle(List.of(Dataset.values()));

        assertEquals(List.of(), report.runs());
        assertEquals(before, PROBE.submissions.get());
        assertFalse(report.of(Outcome.Kind.COOLING_DOWN).isEmpty(), "the failed partition waits for its cool-down");
    }

    /**
     * One step for two requirements, because every YARN job costs tens of seconds on two cores: the late
     * file must rebuild day 1 only, and the two orchestrators cycling at the same moment must build it once.
     */
    @Test
    @Order(3)
    void a_late_raw_file_rebuilds_only_its_day_once_even_when_two_orchestrators_cycle_together() throws Exception {
        String day2Run = manifest(Dataset.MARKET_TICKS, DAY2).runId();
        String late = RawFixtures.upbit(fs, LAYOUT, DAY1, "w3", 1, 2);
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
                    return o.cycle(List.of(Dataset.values()));
                }));
            }
            for (Future<PassReport> r : reports) {
                runs.addAll(r.get().runs());
                outcomes.addAll(r.get().outcomes());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(Set.of(), PROBE.overlaps, "no job ran twice at once for the same day");
        assertEquals(1, runs.stream().filter(r -> r.dataset().equals("market_ticks")).count(),
                "day 1's market ticks were rebuilt once: " + runs);
        runs.forEach(r -> assertEquals(DAY1.toString(), r.date(), "only day 1 is rebuilt: " + r));
        assertTrue(outcomes.stream().anyMatch(o -> o.dataset() == Dataset.MARKET_TICKS && o.date().equals(DAY1)
                && (o.kind() == Outcome.Kind.LEASE_HELD || o.kind() == Outcome.Kind.UP_TO_DATE)),
                "the other orchestrator skipped day 1");
        assertTrue(manifest(Dataset.MARKET_TICKS, DAY1).inputFiles().contains(late));
        assertEquals(7, manifest(Dataset.MARKET_TICKS, DAY1).recordCount());
        assertEquals(day2Run, manifest(Dataset.MARKET_TICKS, DAY2).runId(), "day 2 untouched");
    }
}
