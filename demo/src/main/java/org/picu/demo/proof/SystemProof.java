package org.picu.demo.proof;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.layout.PartitionManifest;
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
@Command(name = "system-proof", mixinStandardHelpOptions = true,
        description = "Run the pipeline as a local multi-process cluster under faults and check it lost and duplicated nothing.")
public final class SystemProof implements Callable<Integer> {
    @Option(names = "--duration", description = "How long the workers crawl under faults (ISO-8601), default ${DEFAULT-VALUE}.")
    Duration duration = Duration.ofMinutes(10);

    @Option(names = "--seed", description = "Seed of the fault schedule, default ${DEFAULT-VALUE}.")
    long seed = 8;

    @Option(names = "--work-dir", description = "Where everything is written (emptied first), default ${DEFAULT-VALUE}.")
    Path workDir = Path.of("demo/target/system-proof");

    @Option(names = "--job-jar", required = true, description = "mapreduce-jobs/target/dist/mapreduce-jobs-<version>.jar")
    Path jobJar;

    @Option(names = "--classpath-file", required = true, description = "demo/target/proof-classpath.txt")
    Path classpathFile;

    @Option(names = "--classes-dir", required = true, description = "demo/target/classes")
    Path classesDir;

    @Option(names = "--mariadb-binaries", description = "Where the bundled MariaDB is unpacked (kept between runs), default ${DEFAULT-VALUE}.")
    Path mariaDbBinaries = Path.of("demo/target/mariadb-binaries");

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
        Path work = workDir.toAbsolutePath().normalize();
        deleteRecursively(work);
        Files.createDirectories(work.resolve("jobs"));
        // a copy: the job jar in the source tree may be rebuilt while the proof runs
        Path jar = Files.copy(jobJar, work.resolve("jobs/mapreduce-jobs.jar"), StandardCopyOption.REPLACE_EXISTING);
        ProofClasspath classpath = ProofClasspath.read(classpathFile, classesDir);
        FaultSchedule schedule = FaultSchedule.of(seed, duration);
        System.out.println("system proof: " + duration + ", seed " + seed + ", work dir " + work);
        schedule.faults().forEach(f -> System.out.println("  scheduled " + f));

        try (LiveUpbitSite site = LiveUpbitSite.start(ProofPipeline.SYMBOLS, work.resolve("served.log"));
             EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(work.resolve("mariadb"), 0,
                     mariaDbBinaries.toAbsolutePath(), true))) {
            mariaDb.createDatabase(ProofPipeline.DATABASE);
            String jdbcUrl = mariaDb.jdbcUrl(ProofPipeline.DATABASE);
            HadoopDaemons hadoop = HadoopDaemons.prepare(work, classpath);
            ProofPipeline pipeline = ProofPipeline.prepare(work, classpath, hadoop, site.baseUrl(), mariaDb, jar);
            List<ChildJvm> processes = new ArrayList<>(hadoop.all());
            processes.addAll(pipeline.all());
            RssSampler rss = new RssSampler(processes).start();
            try {
                return runAndCheck(work, schedule, site, hadoop, pipeline, jdbcUrl, rss);
            } finally {
                rss.close();
                for (ChildJvm p : List.of(pipeline.w1, pipeline.w2, pipeline.orchestrator, pipeline.tier2,
                        hadoop.nodeManager, hadoop.resourceManager, hadoop.dataNode, hadoop.nameNode)) {
                    p.stop(Duration.ofSeconds(10));
                }
            }
        }
    }

    private ProofReport runAndCheck(Path work, FaultSchedule schedule, LiveUpbitSite site, HadoopDaemons hadoop,
                                    ProofPipeline pipeline, String jdbcUrl, RssSampler rss) throws Exception {
        Instant bootStart = Instant.now();
        hadoop.startAll();
        Poll.require("HDFS (NameNode out of safe mode, a live DataNode)", Duration.ofMinutes(4), hadoop::hdfsReady);
        Poll.require("YARN (a running NodeManager)", Duration.ofMinutes(4), hadoop::yarnReady);
        pipeline.tier2.start();
        String api = "http://127.0.0.1:" + pipeline.apiPort;
        Poll.require("the tier-2 API", Duration.ofMinutes(3), () -> answers(api + "/health"));
        pipeline.orchestrator.start();
        pipeline.w1.start();
        pipeline.w2.start();
        Instant runStart = Instant.now();
        System.out.println("cluster up in " + Duration.between(bootStart, runStart).toSeconds() + " s; crawling for " + duration);

        FaultLog faults = new FaultLog();
        // faults that wait for a job or a load get this long after the crawl: YARN is slow on a loaded machine
        Duration grace = duration.dividedBy(2).compareTo(Duration.ofMinutes(5)) > 0 ? duration.dividedBy(2) : Duration.ofMinutes(5);
        Map<String, Thread> tracks = new FaultInjector(schedule, hadoop, pipeline, site, jdbcUrl, faults).start(runStart, grace);
        Instant giveUp = runStart.plus(duration).plus(grace).plus(Duration.ofMinutes(1));
        try (FreshnessProbe probe = new FreshnessProbe(api, ProofPipeline.SYMBOLS).start()) {
            Poll.sleep(Duration.between(Instant.now(), runStart.plus(duration)));
            for (String track : List.of("hdfs", "yarn", "cap")) {
                tracks.get(track).join(Math.max(1, Duration.between(Instant.now(), giveUp).toMillis()));
            }
            Instant crawlEnd = Instant.now();
            // the loader track may still wait for a partition to load: the drain publishes one
            Drain drain = drain(work, pipeline, hadoop, jdbcUrl, tracks.get("load"), giveUp);
            probe.pollOnce();
            probe.close();
            try (FileSystem fs = FileSystem.newInstance(hadoop.fileSystemUri(), hadoop.clientConf())) {
                ProofChecks checks = new ProofChecks(fs, hadoop.clientConf(), jdbcUrl);
                ProofReport report = ProofReport.build(schedule, runStart, crawlEnd, drain.seconds, drain.notes,
                        ServedLog.read(work.resolve("served.log")), checks, faults, probe.firstSeen(),
                        Files.readAllLines(pipeline.tier2.log()), rss.peaks());
                Files.writeString(work.resolve("report.txt"), report.text());
                System.out.println(report.text());
                return report;
            }
        }
    }

    private record Drain(long seconds, List<String> notes) {
    }

    /**
     * After the crawl: workers stop (SIGTERM rolls their spool files and ships them), anything left is uploaded by
     * the one-shot command, the orchestrator daemon's cycles publish every raw file (a one-shot backfill if they have
     * not within 5 min), the loader fault may still be waiting for a load to catch, then tier-2 loads the result.
     */
    private Drain drain(Path work, ProofPipeline pipeline, HadoopDaemons hadoop, String jdbcUrl, Thread loadFaults,
                        Instant giveUp) throws IOException, InterruptedException {
        Instant began = Instant.now();
        List<String> notes = new ArrayList<>();
        pipeline.w1.stop(Duration.ofSeconds(60));
        pipeline.w2.stop(Duration.ofSeconds(60));
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
        try (FileSystem fs = FileSystem.newInstance(hadoop.fileSystemUri(), hadoop.clientConf())) {
            ProofChecks checks = new ProofChecks(fs, hadoop.clientConf(), jdbcUrl);
            // the orchestrator daemon's own cycles publish the last raw files; a backfill only if they do not
            boolean cycled = Poll.until(FaultInjector.DRAIN_PUBLISH_WAIT, Duration.ofSeconds(2), () -> {
                try {
                    for (String day : rawDays(fs)) {
                        if (!everyRawFilePublished(fs, day)) {
                            return false;
                        }
                    }
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            pipeline.orchestrator.stop(Duration.ofSeconds(30));
            if (!cycled) {
                notes.add("the orchestrator's cycles had not published every raw file 5 min after the crawl; backfilling");
            }
            for (String day : cycled ? List.<String>of() : rawDays(fs)) {
                boolean published = false;
                for (int attempt = 0; attempt < 6 && !published; attempt++) {
                    int code = pipeline.runMaster(Duration.ofMinutes(6), "backfill", "--from", day, "--to", day,
                            "--dataset", "market_ticks");
                    published = everyRawFilePublished(fs, day);
                    if (!published) {
                        notes.add("backfill " + day + " attempt " + (attempt + 1) + " exited " + code + " without publishing every raw file");
                        Poll.sleep(Duration.ofSeconds(15)); // a dead orchestrator's lease expires after its TTL
                    }
                }
            }
            loadFaults.join(Math.max(1, Duration.between(Instant.now(),
                    giveUp.plus(FaultInjector.DRAIN_PUBLISH_WAIT).plus(Duration.ofMinutes(1))).toMillis()));
            if (!pipeline.tier2.isAlive()) {
                pipeline.tier2.start();
            }
            boolean loaded = Poll.until(Duration.ofMinutes(3), Duration.ofSeconds(1), () -> {
                try {
                    return checks.partialPartitions(checks.manifests()).isEmpty();
                } catch (IOException | java.sql.SQLException e) {
                    return false;
                }
            });
            if (!loaded) {
                notes.add("tier-2 had not loaded every published partition 3 min after the backfill");
            }
        }
        return new Drain(Duration.between(began, Instant.now()).toSeconds(), notes);
    }

    private static List<String> rawDays(FileSystem fs) throws IOException {
        FileStatus[] days = fs.globStatus(new org.apache.hadoop.fs.Path("/raw/upbit/*"));
        List<String> names = new ArrayList<>();
        for (FileStatus d : days == null ? new FileStatus[0] : days) {
            names.add(d.getPath().getName());
        }
        names.sort(null);
        return names;
    }

    private static boolean everyRawFilePublished(FileSystem fs, String day) throws IOException {
        org.apache.hadoop.fs.Path manifestPath = new org.apache.hadoop.fs.Path("/cleaned/market_ticks/" + day + "/_manifest.json");
        if (!fs.exists(manifestPath)) {
            return false;
        }
        PartitionManifest manifest;
        try (var in = fs.open(manifestPath)) {
            manifest = PartitionManifest.fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> read = new HashSet<>();
        manifest.inputFiles().forEach(f -> read.add(f.substring(f.lastIndexOf('/') + 1)));
        for (FileStatus raw : fs.listStatus(new org.apache.hadoop.fs.Path("/raw/upbit/" + day))) {
            String name = raw.getPath().getName();
            if (!name.startsWith(".") && !read.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** Spool files not shipped yet: complete files without the {@code .uploaded} mark, and open {@code .tmp} files. */
    private static List<String> unshipped(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && (n.endsWith(".jsonl") || n.endsWith(".tmp"))).sorted().toList();
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
                ProcessHandle.current().descendants()
                        .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
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
