package org.picu.proof;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long the orchestrator's cycles take at a realistic volume, on the pseudo-distributed cluster of the system proof
 * (NameNode, DataNode, ResourceManager and NodeManager as JVMs of their own, the Pi profile's container sizes), with
 * the orchestrator daemon as the systemd unit runs it (its heap, the shipped {@code master.yml} settings, cycles every
 * 10 s instead of every minute so the benchmark does not wait for minute boundaries).
 *
 * <p>For each volume (raw records a day) it writes yesterday's raw files and the first half of today's into HDFS, the
 * way the shipped workers ship them (one file per crawl run: ticks every 5 minutes, news every 30, Fear &amp; Greed
 * every hour), lets the daemon's first cycle publish both days, then drops the files of further crawl runs and times
 * the
 * cycles that bring all seven datasets up to date again; then it measures idle cycles, the daemon's peak RSS and CPU
 * time, and, for comparison, the same cycle with every job sent to YARN (uberized, as the system proof runs them).
 */
@Command(
        name = "cycle-time",
        mixinStandardHelpOptions = true,
        description = "Time orchestrator cycles at realistic volumes on a pseudo-distributed cluster.")
public final class CycleBenchmark implements Callable<Integer> {
    @Option(
            names = "--records",
            split = ",",
            description = "Raw records a day, one run each, default ${DEFAULT-VALUE}.")
    List<Integer> volumes = List.of(10_000, 100_000);

    @Option(
            names = "--steady-cycles",
            description = "Cycles after new files of every source, default ${DEFAULT-VALUE}.")
    int steadyCycles = 3;

    @Option(
            names = "--compare-yarn",
            negatable = true,
            description = "Also time the cycle with every job on YARN (default: on).")
    boolean compareYarn = true;

    @Option(
            names = "--orchestrator-heap",
            description = "-Xmx of the orchestrator (the unit's), default ${DEFAULT-VALUE}.")
    String heap = "256m";

    @Option(
            names = "--work-dir",
            description = "Where everything is written (emptied first), default ${DEFAULT-VALUE}.")
    Path workDir = Path.of("system-proof/target/cycle-time");

    @Option(names = "--job-jar", required = true)
    Path jobJar;

    @Option(names = "--classpath-file", required = true)
    Path classpathFile;

    @Option(names = "--classes-dir", required = true)
    Path classesDir;

    /** Market ticks come every 5 minutes, news every 30, Fear &amp; Greed hourly: crawl runs a day of each. */
    private static final int TICK_RUNS = 288;
    private static final int NEWS_RUNS = 48;
    private static final int FNG_RUNS = 24;
    private static final Pattern CYCLE = Pattern.compile("Cycle for \\[(.*)]: (\\d+) runs, (\\d+) failed, (\\d+) ms");
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        System.exit(new CommandLine(new CycleBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path work = workDir.toAbsolutePath().normalize();
        deleteRecursively(work);
        Files.createDirectories(work.resolve("jobs"));
        Path jar = Files.copy(jobJar, work.resolve("jobs/mapreduce-jobs.jar"));
        ProofClasspath classpath = ProofClasspath.read(classpathFile, classesDir);
        HadoopDaemons hadoop = HadoopDaemons.prepare(work, classpath);
        List<String> report = new ArrayList<>();
        try {
            hadoop.startAll();
            Poll.require("HDFS", Duration.ofMinutes(4), hadoop::hdfsReady);
            Poll.require("YARN", Duration.ofMinutes(4), hadoop::yarnReady);
            for (int records : volumes) {
                report.addAll(runVolume(work, classpath, hadoop, jar, records));
            }
        } finally {
            for (ChildJvm p : List.of(hadoop.nodeManager, hadoop.resourceManager, hadoop.dataNode, hadoop.nameNode)) {
                p.stop(Duration.ofSeconds(10));
            }
        }
        report.add("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        String text = String.join("\n", report) + "\n";
        Files.writeString(work.resolve("report.txt"), text);
        System.out.println(text);
        return 0;
    }

    private List<String> runVolume(Path work, ProofClasspath classpath, HadoopDaemons hadoop, Path jar, int records)
            throws Exception {
        String root = "/bench-" + records;
        Volume volume = new Volume(records);
        Path conf = Files.createDirectories(work.resolve("conf"));
        Path local =
                Files.writeString(conf.resolve("master-" + records + ".yml"), masterYaml(hadoop, jar, root, false));
        Path yarn =
                Files.writeString(conf.resolve("master-" + records + "-yarn.yml"), masterYaml(hadoop, jar, root, true));
        List<String> out = new ArrayList<>();
        out.add("cycle-time: " + records + " raw records a day (" + volume.ticksPerRun * TICK_RUNS + " ticks in "
                + TICK_RUNS + " files, " + volume.newsPerRun * NEWS_RUNS + " news items in " + NEWS_RUNS + " files, "
                + FNG_RUNS + " Fear & Greed readings); load average before: " + loadAverage());
        if (runOnce(work, classpath, hadoop, local, Map.of(), "hdfs-init", "--owner", "picu:picu") != 0) {
            throw new ProofException("hdfs-init failed for " + root);
        }
        PartitionDate today = PartitionDate.of(Instant.now());
        PartitionDate yesterday = new PartitionDate(today.day().minusDays(1));
        Drops drops;
        // the harness writes raw files as the service user, as a worker's uploader does (its own checks of the
        // cluster, a DataNode report among them, need the superuser it runs as)
        org.apache.hadoop.security.UserGroupInformation picu =
                org.apache.hadoop.security.UserGroupInformation.createRemoteUser(ProofPipeline.SERVICE_USER);
        try (FileSystem fs = picu.doAs((java.security.PrivilegedExceptionAction<FileSystem>) () ->
                FileSystem.newInstance(hadoop.fileSystemUri(), hadoop.clientConf()))) {
            drops = new Drops(fs, new HdfsLayout(root), volume);
            long bytes = drops.day(yesterday, TICK_RUNS) + drops.day(today, TICK_RUNS / 2);
            out.add(String.format("  raw input written: %.1f MB (yesterday whole, today until noon)", bytes / 1e6));

            ChildJvm daemon = orchestrator(work, classpath, hadoop, local, "orchestrator-" + records);
            daemon.start();
            try {
                Cycle first = nextCycle(daemon, 0, Duration.ofMinutes(15));
                out.add(String.format("  first cycle (both days, nothing published yet): %d runs, %d failed, %.1f s",
                        first.runs, first.failed, first.ms / 1000.0));
                int seen = first.index + 1;
                // new tick files only (every 5 minutes), then every source (every 30 minutes)
                for (int i = 0; i < steadyCycles; i++) {
                    Cycle idle = waitIdle(daemon, seen);
                    seen = idle.index + 1;
                    long cpuBefore = cpuTicks(daemon.pid());
                    drops.crawl(today, TICK_RUNS / 2 + i, i == steadyCycles - 1 ? Sources.TICKS : Sources.ALL);
                    Cycle c = nextWorkingCycle(daemon, seen);
                    seen = c.index + 1;
                    out.add(String.format(
                            "  cycle after new %s files: %d runs, %d failed, %.1f s, orchestrator CPU %.1f s",
                            i == steadyCycles - 1 ? "tick" : "tick, news and Fear & Greed",
                            c.runs,
                            c.failed,
                            c.ms / 1000.0,
                            (cpuTicks(daemon.pid()) - cpuBefore) / (double) CLOCK_TICKS));
                }
                Cycle settled = waitIdle(daemon, seen);
                long cpuIdle = cpuTicks(daemon.pid());
                List<Cycle> idle = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    idle.add(nextCycle(daemon, settled.index + 1 + i, Duration.ofMinutes(2)));
                }
                out.add(String.format("  idle cycles (nothing new): %s ms, orchestrator CPU %.2f s per cycle",
                        idle.stream().map(c -> Long.toString(c.ms)).toList(),
                        (cpuTicks(daemon.pid()) - cpuIdle) / (double) CLOCK_TICKS / idle.size()));
                out.add(String.format("  orchestrator (-Xmx%s): peak RSS %d MB, CPU %.1f s in all", heap,
                        vmHwmKb(daemon.pid()) / 1024, cpuTicks(daemon.pid()) / (double) CLOCK_TICKS));
            } finally {
                daemon.stop(Duration.ofSeconds(60));
            }

            if (compareYarn) {
                ChildJvm onYarn = orchestrator(work, classpath, hadoop, yarn, "orchestrator-" + records + "-yarn");
                onYarn.start();
                try {
                    Cycle start = nextCycle(onYarn, 0, Duration.ofMinutes(5));
                    drops.crawl(today, TICK_RUNS / 2 + steadyCycles, Sources.ALL);
                    Cycle c = nextWorkingCycle(onYarn, start.index + 1);
                    out.add(String.format(
                            "  for comparison, every job on YARN (uberized, local jobs off), after new tick, news"
                                    + " and Fear & Greed files: %d runs, %d failed, %.1f s",
                            c.runs, c.failed, c.ms / 1000.0));
                } finally {
                    onYarn.stop(Duration.ofSeconds(60));
                }
            }
        }
        out.add("  load average after: " + loadAverage());
        return out;
    }

    /**
     * The shipped conf/master/master.yml, except the schedule (every 10 s instead of every minute) and, for the
     * comparison, local jobs off and the system proof's uberized YARN settings.
     */
    private static String masterYaml(HadoopDaemons hadoop, Path jar, String root, boolean allOnYarn) {
        String properties = !allOnYarn ? "  properties: {}\n" : "  properties:\n" + ProofPipeline.UBERIZED_JOBS;
        return "hadoop:\n  conf-dir: " + hadoop.confDir() + "\n" + properties
                + """
                layout:
                  root: %s
                jobs:
                  jar: %s
                orchestrator:
                  id: bench-master
                  lookback-days: 3
                  default-schedule: "*/10 * * * * *"
                  parallel-jobs: 2
                  local-jobs:
                    max-input-mb: %d
                    max-input-files: 2000
                """.formatted(root, jar, allOnYarn ? 0 : 64);
    }

    private ChildJvm orchestrator(Path work, ProofClasspath classpath, HadoopDaemons hadoop, Path config, String name)
            throws IOException {
        List<String> opts = List.of(
                "-Xmx" + heap,
                "-Dlog4j.configuration="
                        + hadoop.confDir().resolve("log4j.properties").toUri(),
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")));
        return new ChildJvm(
                name,
                hadoop.confDir() + ":" + classpath.joined(),
                opts,
                "org.picu.master.MasterMain",
                List.of("daemon", "--config", config.toString()),
                Map.of("HADOOP_USER_NAME", ProofPipeline.SERVICE_USER),
                work.resolve("logs"));
    }

    private static int runOnce(
            Path work,
            ProofClasspath classpath,
            HadoopDaemons hadoop,
            Path config,
            Map<String, String> env,
            String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        ChildJvm once = new ChildJvm("master-" + args[0], hadoop.confDir() + ":" + classpath.joined(),
                List.of("-Xmx256m", "-Dlog4j.configuration=" + hadoop.confDir().resolve("log4j.properties").toUri()),
                "org.picu.master.MasterMain", all, env, work.resolve("logs"));
        once.start();
        return once.awaitExit(Duration.ofMinutes(3)).orElse(-1);
    }

    /** One "Cycle for" line of the daemon's log, the {@code index}-th of its current start. */
    private record Cycle(int index, int runs, int failed, long ms) {
    }

    private static List<Cycle> cycles(ChildJvm daemon) {
        List<Cycle> found = new ArrayList<>();
        try {
            String log = Files.readString(daemon.log());
            Matcher m = CYCLE.matcher(log.substring(log.lastIndexOf("==== start")));
            while (m.find()) {
                found.add(new Cycle(found.size(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Long.parseLong(m.group(4))));
            }
        } catch (IOException e) {
            // not written yet
        }
        return found;
    }

    private static Cycle nextCycle(ChildJvm daemon, int index, Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            List<Cycle> all = cycles(daemon);
            if (all.size() > index) {
                return all.get(index);
            }
            if (!daemon.isAlive()) {
                throw new ProofException(daemon.name() + " exited; see " + daemon.log());
            }
            Poll.sleep(Duration.ofMillis(200));
        }
        throw new ProofException(
                "no cycle " + index + " of " + daemon.name() + " within " + timeout + "; see " + daemon.log());
    }

    /** The first cycle from {@code index} on that ran jobs (the files may land just after a cycle's listing). */
    private static Cycle nextWorkingCycle(ChildJvm daemon, int index) {
        for (int i = index; ; i++) {
            Cycle c = nextCycle(daemon, i, Duration.ofMinutes(10));
            if (c.runs > 0) {
                return c;
            }
        }
    }

    /** Waits for a cycle that ran nothing: everything is up to date. */
    private static Cycle waitIdle(ChildJvm daemon, int index) {
        for (int i = index; ; i++) {
            Cycle c = nextCycle(daemon, i, Duration.ofMinutes(10));
            if (c.runs == 0) {
                return c;
            }
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15 of stat)
    }

    private static long vmHwmKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** How a day's records split over the sources at a volume. */
    private static final class Volume {
        final int ticksPerRun;
        final int newsPerRun;

        Volume(int recordsPerDay) {
            // about 80 % market ticks, the rest news; Fear & Greed adds one reading an hour
            this.ticksPerRun = Math.max(1, (int) Math.round(recordsPerDay * 0.8 / TICK_RUNS));
            this.newsPerRun = Math.max(1, (int) Math.round((recordsPerDay * 0.2 - FNG_RUNS) / NEWS_RUNS));
        }
    }

    private enum Sources { TICKS, ALL }

    /**
     * Writes crawl runs' raw files the way a worker's uploader ships them: one file per crawl run and source, under a
     * hidden name first and then renamed, so the orchestrator never lists a half-written file. Shapes are the
     * spiders' (upbit: the ticker fields; coinness: title, url, content, published_at, keywords; fear_greed: value,
     * classification, timestamp). News feeds relist items: half of a run's items are the previous run's again, and a
     * tenth of a run's ticks repeat the previous run's trade time (no trade since), so the dedup has work to do.
     */
    private static final class Drops {
        private final FileSystem fs;
        private final HdfsLayout layout;
        private final Volume volume;
        private final Map<String, long[]> seq = new java.util.HashMap<>();

        Drops(FileSystem fs, HdfsLayout layout, Volume volume) {
            this.fs = fs;
            this.layout = layout;
            this.volume = volume;
        }

        /** Crawl runs 0 until {@code tickRuns} (in 5-minute steps) of the day, every source; returns bytes written. */
        long day(PartitionDate day, int tickRuns) throws IOException {
            long bytes = 0;
            for (int run = 0; run < tickRuns; run++) {
                bytes += crawl(day, run, run % 6 == 0 ? Sources.ALL : Sources.TICKS);
            }
            return bytes;
        }

        /** The files of the crawl run at {@code run} x 5 minutes after midnight: ticks, and news and F&G if ALL. */
        long crawl(PartitionDate day, int run, Sources sources) throws IOException {
            Instant at = day.start().plus(Duration.ofMinutes(5L * run)).plusSeconds(7);
            long bytes = 0;
            StringBuilder ticks = new StringBuilder();
            for (int s = 0; s < volume.ticksPerRun; s++) {
                String symbol = symbol(s);
                boolean noTrade = (s * 7 + run) % 10 == 0 && run > 0;
                Instant traded = (noTrade ? at.minus(Duration.ofMinutes(5)) : at).minusMillis(300 + s);
                double price = 1000 + s * 13.5 + (run % 37) * 2.25;
                ticks.append(line(
                        "upbit",
                        "market_tick",
                        at,
                        "https://api.upbit.com/v1/ticker?markets=KRW-" + symbol,
                        "{\"symbol\":\"" + symbol + "\",\"market\":\"KRW-" + symbol
                                + "\",\"quote_currency\":\"KRW\",\"price\":"
                                + price + ",\"prev_closing_price\":" + (price * 0.98) + ",\"volume_24h\":"
                                + (s * 31 + run) + ".25"
                                + ",\"acc_trade_price_24h\":" + (s * 1_000_003L + run) + ".5,\"day_volume\":"
                                + (run * 3 + s % 7)
                                + ".5,\"timestamp\":\"" + traded + "\"}"));
            }
            bytes += write(day, "upbit", volume.ticksPerRun, ticks);
            if (sources == Sources.ALL) {
                StringBuilder news = new StringBuilder();
                int newsRun = run / 6;
                for (int i = 0; i < volume.newsPerRun; i++) {
                    // the first half of the list was in the previous run's list too
                    // items are numbered per day (a day's news are new that day)
                    long item = day.day().toEpochDay() * 1_000_000L + (long) newsRun * volume.newsPerRun
                            - (i < volume.newsPerRun / 2 ? volume.newsPerRun / 2 : 0) + i;
                    String title = NewsWords.title(item);
                    news.append(line(
                            "coinness",
                            "news",
                            at,
                            "https://www.coinness.com/news",
                            "{\"title\":\"" + title + "\",\"url\":\"https://www.coinness.com/news/" + item
                                    + "\",\"content\":\"" + NewsWords.content(item) + "\",\"published_at\":\""
                                    + day.start().plus(Duration.ofMinutes(Math.floorMod(item, 1440)))
                                    + "\",\"keywords\":[\"BTC\",\"비트코인\"]}"));
                }
                bytes += write(day, "coinness", volume.newsPerRun, news);
                int value = 20 + (run * 7) % 60;
                bytes += write(day, "fear_greed", 1, new StringBuilder(line("fear_greed", "fear_greed", at,
                        "https://api.alternative.me/fng/", "{\"value\":" + value + ",\"classification\":\""
                                + (value < 45 ? "Fear" : value > 55 ? "Greed" : "Neutral") + "\",\"timestamp\":\""
                                + at.truncatedTo(java.time.temporal.ChronoUnit.HOURS) + "\",\"via\":\"api\"}")));
            }
            return bytes;
        }

        private String line(String source, String kind, Instant crawled, String url, String payload) {
            long n = ++seq.computeIfAbsent(source + ".line", k -> new long[1])[0];
            return "{\"schema_version\":1,\"source\":\"" + source + "\",\"kind\":\"" + kind + "\",\"crawled_at\":\""
                    + crawled + "\",\"worker_id\":\"w1\",\"seq\":" + n + ",\"url\":\"" + url + "\",\"payload\":"
                    + payload + "}\n";
        }

        private long write(PartitionDate day, String source, int lines, CharSequence content) throws IOException {
            long[] next = seq.computeIfAbsent(source, k -> new long[] {1});
            RawFileName name = new RawFileName(source, "w1", next[0], next[0] + lines - 1);
            next[0] += lines;
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(layout.rawDir(source, day));
            fs.mkdirs(dir);
            org.apache.hadoop.fs.Path hidden = new org.apache.hadoop.fs.Path(dir, "." + name + ".uploading");
            byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = fs.create(hidden, true)) {
                out.write(bytes);
            }
            if (!fs.rename(hidden, new org.apache.hadoop.fs.Path(dir, name.toString()))) {
                throw new IOException("could not rename " + hidden);
            }
            return bytes.length;
        }

        private static String symbol(int s) {
            String[] known = {"BTC", "ETH", "XRP", "ADA", "DOGE", "SOL", "DOT", "AVAX", "LINK", "TRX"};
            if (s < known.length) {
                return known[s];
            }
            StringBuilder b = new StringBuilder("K");
            for (int v = s; v > 0; v /= 26) {
                b.append((char) ('A' + v % 26));
            }
            return b.toString();
        }
    }

    /** Seeded headline and body words, Korean and English as on the crawled sites. */
    private static final class NewsWords {
        private static final String[] WORDS = {
            "비트코인",
            "이더리움",
            "ETF",
            "승인",
            "급등",
            "하락",
            "연준",
            "금리",
            "Bitcoin",
            "rally",
            "SEC",
            "approval",
            "market",
            "whale",
            "liquidation",
            "거래소",
            "상장",
            "규제",
            "Solana",
            "surge",
            "crash"
        };

        static String title(long item) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(item);
            StringBuilder b = new StringBuilder("BTC");
            for (int k = 0; k < 6; k++) {
                b.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
            }
            return b.append(' ').append(item).toString();
        }

        static String content(long item) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(item * 31 + 7);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 40; k++) {
                b.append(WORDS[r.nextInt(WORDS.length)]).append(k % 9 == 8 ? ". " : " ");
            }
            return b.toString().trim();
        }
    }
}
