package org.picu.proof;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.picu.jobs.DatasetJob;
import org.picu.master.plan.InputFingerprints;
import org.picu.master.plan.PartitionInspector;
import org.picu.master.plan.StalenessCheck;
import org.picu.master.registry.JobRegistry;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.tier2.db.EmbeddedMariaDb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The system proof (docs/reliability.md): starts NameNode, DataNode, ResourceManager, NodeManager, two worker
 * daemons, the orchestrator daemon and tier-2 as separate JVMs, a MariaDB server and a live Upbit site on loopback;
 * runs for the duration under the seeded fault schedule; drains; checks that every served record is in MariaDB
 * exactly once (lost = 0, duplicated = 0), that every malformed one was rejected with a reason, and that nothing is
 * left partial; prints freshness, throughput and peak RSS. Exit code 0 only if every check passed.
 */
@Command(
        name = "system-proof",
        mixinStandardHelpOptions = true,
        description = "Run the pipeline as a local multi-process cluster under faults and check it lost and duplicated"
                + " nothing.")
public final class SystemProof implements Callable<Integer> {
    @Option(
            names = "--duration",
            description = "How long the workers crawl under faults (ISO-8601), default ${DEFAULT-VALUE}.")
    Duration duration = Duration.ofMinutes(10);

    @Option(names = "--seed", description = "Seed of the fault schedule, default ${DEFAULT-VALUE}.")
    long seed = 8;

    @Option(
            names = "--work-dir",
            description = "Where everything is written (emptied first), default ${DEFAULT-VALUE}.")
    Path workDir = Path.of("system-proof/target/system-proof");

    @Option(
            names = "--job-jar",
            required = true,
            description = "mapreduce-jobs/target/dist/mapreduce-jobs-<version>.jar")
    Path jobJar;

    @Option(names = "--classpath-file", required = true, description = "system-proof/target/proof-classpath.txt")
    Path classpathFile;

    @Option(names = "--classes-dir", required = true, description = "system-proof/target/classes")
    Path classesDir;

    @Option(names = "--shipped-defaults", description = "No faults, and the shipped cadences instead of the accelerated"
            + " ones (1-min roll-age, 30 s uploads, cycles every minute, loads every minute): the freshness benchmark.")
    boolean shippedDefaults;

    @Option(
            names = "--mariadb-binaries",
            description = "Where the bundled MariaDB is unpacked (kept between runs), default ${DEFAULT-VALUE}.")
    Path mariaDbBinaries = Path.of("system-proof/target/mariadb-binaries");

    public static void main(String[] args) {
        // Ctrl-C or a SIGTERM of the harness must not leave daemons behind
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        System.exit(new CommandLine(new SystemProof()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ProofReport report = run();
        return report.passed() ? 0 : 1;
    }

    /** Runs the whole proof and returns its report (also written to {@code <work-dir>/report.txt}). */
    public ProofReport run() throws Exception {
        Instant began = Instant.now();
        Map<String, Duration> phases = new LinkedHashMap<>();
        Path work = workDir.toAbsolutePath().normalize();
        deleteRecursively(work);
        Files.createDirectories(work.resolve("jobs"));
        // a copy: the job jar in the source tree may be rebuilt while the proof runs
        Path jar = Files.copy(jobJar, work.resolve("jobs/mapreduce-jobs.jar"), StandardCopyOption.REPLACE_EXISTING);
        ProofClasspath classpath = ProofClasspath.read(classpathFile, classesDir);
        FaultSchedule schedule =
                shippedDefaults ? FaultSchedule.none(seed, duration) : FaultSchedule.of(seed, duration);
        System.out.println("system proof: " + duration + ", seed " + seed + ", work dir " + work
                + (shippedDefaults ? ", shipped defaults, no faults" : ""));
        schedule.faults().forEach(f -> System.out.println("  scheduled " + f));

        try (LiveSite site = LiveSite.start(ProofPipeline.SYMBOLS, work.resolve("served.log"));
             EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(work.resolve("mariadb"), 0,
                     mariaDbBinaries.toAbsolutePath(), true))) {
            mariaDb.createDatabase(ProofPipeline.DATABASE);
            String jdbcUrl = mariaDb.jdbcUrl(ProofPipeline.DATABASE);
            HadoopDaemons hadoop = HadoopDaemons.prepare(work, classpath);
            ProofPipeline pipeline = ProofPipeline.prepare(work, classpath, hadoop, site.baseUrl(), mariaDb, jar,
                    shippedDefaults ? ProofPipeline.Cadence.SHIPPED : ProofPipeline.Cadence.ACCELERATED);
            phases.put(
                    "MariaDB started, configuration rendered, NameNode formatted",
                    Duration.between(began, Instant.now()));
            List<ChildJvm> processes = new ArrayList<>(hadoop.all());
            processes.addAll(pipeline.all());
            RssSampler rss = new RssSampler(processes).start();
            try {
                return runAndCheck(work, schedule, site, hadoop, pipeline, jdbcUrl, rss, phases);
            } finally {
                rss.close();
                for (ChildJvm p : List.of(pipeline.w1, pipeline.w2, pipeline.orchestrator, pipeline.tier2,
                        hadoop.nodeManager, hadoop.resourceManager, hadoop.dataNode, hadoop.nameNode)) {
                    p.stop(Duration.ofSeconds(10));
                }
            }
        }
    }

    private ProofReport runAndCheck(
            Path work,
            FaultSchedule schedule,
            LiveSite site,
            HadoopDaemons hadoop,
            ProofPipeline pipeline,
            String jdbcUrl,
            RssSampler rss,
            Map<String, Duration> phases)
            throws Exception {
        Instant bootStart = Instant.now();
        // tier-2 needs only MariaDB to start (its loader retries HDFS on every interval): it boots beside Hadoop
        hadoop.startAll();
        pipeline.tier2.start();
        Poll.require("HDFS (NameNode out of safe mode, a live DataNode)", Duration.ofMinutes(4), hadoop::hdfsReady);
        if (pipeline.initHdfs(Duration.ofMinutes(2)) != 0) {
            throw new ProofException("picu-master hdfs-init failed; see " + work.resolve("logs"));
        }
        Poll.require("YARN (a running NodeManager)", Duration.ofMinutes(4), hadoop::yarnReady);
        String api = "http://127.0.0.1:" + pipeline.apiPort;
        Poll.require("the tier-2 API", Duration.ofMinutes(3), () -> answers(api + "/health"));
        pipeline.orchestrator.start();
        pipeline.w1.start();
        pipeline.w2.start();
        Instant runStart = Instant.now();
        phases.put("cluster start (Hadoop daemons and tier-2 side by side)", Duration.between(bootStart, runStart));
        System.out.println(
                "cluster up in " + Duration.between(bootStart, runStart).toSeconds() + " s; crawling for " + duration);

        FaultLog faults = new FaultLog();
        // faults that wait for a job or a load get this long after the crawl: YARN is slow on a loaded machine
        Duration grace = duration.dividedBy(2).compareTo(Duration.ofMinutes(5)) > 0
                ? duration.dividedBy(2)
                : Duration.ofMinutes(5);
        Map<String, Thread> tracks =
                new FaultInjector(schedule, hadoop, pipeline, site, jdbcUrl, faults).start(runStart, grace);
        Instant giveUp = runStart.plus(duration).plus(grace).plus(Duration.ofMinutes(1));
        try (FreshnessProbe probe = new FreshnessProbe(api, ProofPipeline.SYMBOLS).start()) {
            Poll.sleep(Duration.between(Instant.now(), runStart.plus(duration)));
            phases.put("crawl (the duration)", Duration.between(runStart, Instant.now()));
            Instant waited = Instant.now();
            for (String track : List.of("hdfs", "yarn", "cap")) {
                tracks.get(track).join(Math.max(1, Duration.between(Instant.now(), giveUp).toMillis()));
            }
            phases.put("crawl on until the HDFS and YARN faults were done", Duration.between(waited, Instant.now()));
            Instant crawlEnd = Instant.now();
            // the loader track may still wait for a partition to load: the drain publishes one
            List<String> notes = drain(pipeline, hadoop, jdbcUrl, tracks.get("load"), giveUp, phases);
            probe.pollOnce();
            probe.close();
            Instant checking = Instant.now();
            try (FileSystem fs = FileSystem.newInstance(hadoop.fileSystemUri(), hadoop.clientConf())) {
                ProofChecks checks = new ProofChecks(fs, hadoop.clientConf(), jdbcUrl);
                ServedLog served = ServedLog.read(work.resolve("served.log"));
                ProofReport report = ProofReport.build(
                        schedule,
                        runStart,
                        crawlEnd,
                        new ProofReport.Phases(phases, checking),
                        notes,
                        served,
                        checks,
                        faults,
                        probe.firstSeen(),
                        Files.readAllLines(pipeline.tier2.log()),
                        rss.peaks());
                // records of the last minutes are shipped and cleaned by the drain, not by the pipeline's own cadence
                Duration tail = duration.dividedBy(2).compareTo(Duration.ofMinutes(10)) < 0 ? duration.dividedBy(2)
                        : Duration.ofMinutes(10);
                Instant until = runStart.plus(duration).minus(tail);
                String perDataset = "Freshness per dataset, crawl to loaded by tier-2 (records crawled from +0 s to +"
                        + Duration.between(runStart, until).toSeconds() + " s; load average "
                        + Files.readString(Path.of("/proc/loadavg")).trim() + "):\n"
                        + String.join("\n", DatasetFreshness.measure(fs, jdbcUrl, runStart, until)) + "\n";
                Files.writeString(work.resolve("report.txt"), report.text() + perDataset);
                System.out.println(report.text());
                System.out.println(perDataset);
                return report;
            }
        }
    }

    /**
     * After the crawl: workers stop (SIGTERM rolls their spool files and ships them), anything left is uploaded by
     * the one-shot command, the orchestrator daemon is restarted and its cycles clean every raw file and bring every
     * derived dataset up to date (a one-shot backfill if they have not within 5 min), the loader fault may still be
     * waiting for a load
     * to catch, then tier-2 loads the result. Returns notes on anything that did not go as planned.
     */
    private List<String> drain(
            ProofPipeline pipeline,
            HadoopDaemons hadoop,
            String jdbcUrl,
            Thread loadFaults,
            Instant giveUp,
            Map<String, Duration> phases)
            throws IOException, InterruptedException {
        Instant began = Instant.now();
        List<String> notes = new ArrayList<>();
        // The orchestrator is restarted once the spools are shipped: a daemon's first cycle runs every dataset at once,
        // so the last raw files are cleaned without waiting for the end of a cycle that began before they arrived. A
        // stopped daemon releases the leases and job locks of the partitions it was running.
        Thread stopOrchestrator = new Thread(() -> pipeline.orchestrator.stop(Duration.ofSeconds(60)));
        stopOrchestrator.start();
        Thread stopW1 = new Thread(() -> pipeline.w1.stop(Duration.ofSeconds(60)));
        stopW1.start();
        pipeline.w2.stop(Duration.ofSeconds(60));
        stopW1.join();
        for (int i = 0; i < 2; i++) {
            String worker = i == 0 ? ProofPipeline.FULL_WORKER : ProofPipeline.CAPPED_WORKER;
            for (int attempt = 0; attempt < 5 && !unshipped(pipeline.spool(worker)).isEmpty(); attempt++) {
                pipeline.runWorker(i, Duration.ofMinutes(2), "upload");
            }
            List<String> left = unshipped(pipeline.spool(worker));
            if (!left.isEmpty()) {
                notes.add("spool of " + worker + " still holds unshipped files: " + left);
            }
        }
        stopOrchestrator.join();
        pipeline.orchestrator.start();
        phases.put(
                "drain: workers stopped, spools shipped, orchestrator restarted",
                Duration.between(began, Instant.now()));
        Instant cleaning = Instant.now();
        try (FileSystem fs = FileSystem.newInstance(hadoop.fileSystemUri(), hadoop.clientConf())) {
            ProofChecks checks = new ProofChecks(fs, hadoop.clientConf(), jdbcUrl);
            boolean cycled =
                    Poll.until(FaultInjector.DRAIN_PUBLISH_WAIT, Duration.ofSeconds(1), () -> upToDate(fs, checks));
            if (!cycled) {
                pipeline.orchestrator.stop(Duration.ofSeconds(30));
                notes.add("the orchestrator's cycles had not cleaned every raw file and updated every derived dataset"
                        + " 5 min after the crawl; backfilling");
                for (PartitionDate day : rawDays(fs)) {
                    boolean published = false;
                    for (int attempt = 0; attempt < 6 && !published; attempt++) {
                        int code = pipeline.runMaster(Duration.ofMinutes(6), "backfill", "--from", day.toString(),
                                "--to", day.toString());
                        published = upToDate(fs, checks);
                        if (!published) {
                            notes.add("backfill " + day + " attempt " + (attempt + 1) + " exited " + code
                                    + " without bringing it up to date");
                            Poll.sleep(Duration.ofSeconds(15)); // a dead orchestrator's lease expires after its TTL
                        }
                    }
                }
            }
            phases.put(
                    "drain: every raw file cleaned, every derived dataset up to date",
                    Duration.between(cleaning, Instant.now()));
            Instant loading = Instant.now();
            loadFaults.join(Math.max(1, Duration.between(Instant.now(),
                    giveUp.plus(FaultInjector.DRAIN_PUBLISH_WAIT).plus(Duration.ofMinutes(1))).toMillis()));
            if (!pipeline.tier2.isAlive()) {
                pipeline.tier2.start();
            }
            boolean loaded = Poll.until(Duration.ofMinutes(3), Duration.ofMillis(500), () -> everythingLoaded(checks));
            if (!loaded) {
                notes.add("tier-2 had not loaded every published partition 3 min after the drain's publishing");
            }
            phases.put("drain: every published partition loaded", Duration.between(loading, Instant.now()));
        }
        pipeline.orchestrator.stop(Duration.ofSeconds(30));
        return notes;
    }

    /** Whether the orchestrator has nothing left to do: its own staleness rules, for every job and raw day. */
    private static boolean upToDate(FileSystem fs, ProofChecks checks) {
        try {
            for (CheckedDataset d : CheckedDataset.values()) {
                if (!checks.unpublishedRawFiles(d).isEmpty()) {
                    return false;
                }
            }
            // the orchestrator's configuration does not change any job's sources, so the defaults are its sources
            HdfsLayout layout = new HdfsLayout("/");
            StalenessCheck staleness = new StalenessCheck(new PartitionInspector(fs, layout), fs.getConf(),
                    new InputFingerprints(fs, layout));
            for (PartitionDate day : rawDays(fs)) {
                for (DatasetJob job : JobRegistry.standard().jobs()) {
                    if (staleness.check(job, day).needsRun()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean everythingLoaded(ProofChecks checks) {
        try {
            for (Map.Entry<String, String> table : CheckedDataset.tables().entrySet()) {
                if (!checks.partialPartitions(table.getKey(), table.getValue(), checks.manifests(table.getKey()))
                        .isEmpty()) {
                    return false;
                }
            }
            return true;
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    private static List<PartitionDate> rawDays(FileSystem fs) throws IOException {
        List<String> sources = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            sources.addAll(d.rawSources());
        }
        return new PartitionInspector(fs, new HdfsLayout("/")).rawDates(sources);
    }

    /**
     * Spool files not shipped yet: complete files without the {@code .uploaded} mark, open {@code .tmp} files, and
     * files crash recovery set aside as {@code .corrupt} (never shipped; the report names them).
     */
    private static List<String> unshipped(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")
                            && (n.endsWith(".jsonl") || n.endsWith(".tmp") || n.endsWith(".corrupt")))
                    .sorted()
                    .toList();
        }
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Samples VmHWM of every child JVM and of the MariaDB server every two seconds. */
    static final class RssSampler implements AutoCloseable {
        private final List<ChildJvm> processes;
        private final java.util.Map<String, Long> others = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread thread = new Thread(this::loop, "rss-sampler");
        private volatile boolean running = true;

        RssSampler(List<ChildJvm> processes) {
            this.processes = List.copyOf(processes);
            thread.setDaemon(true);
        }

        RssSampler start() {
            thread.start();
            return this;
        }

        private void loop() {
            while (running) {
                processes.forEach(ChildJvm::sampleRss);
                ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.info()
                                .command()
                                .map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld"))
                                .orElse(false))
                        .forEach(p -> others.merge("mariadbd", vmHwmKb(p.pid()), Math::max));
                Poll.sleep(Duration.ofSeconds(2));
            }
        }

        private static long vmHwmKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // gone
            }
            return 0;
        }

        Map<String, Long> peaks() {
            Map<String, Long> peaks = new java.util.LinkedHashMap<>();
            processes.forEach(p -> peaks.put(p.name(), p.peakRssKb()));
            peaks.putAll(others);
            return peaks;
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
