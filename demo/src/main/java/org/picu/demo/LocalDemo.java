package org.picu.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.picu.demo.replay.DemoSites;
import org.picu.demo.replay.SiteClock;
import org.picu.master.MasterMain;
import org.picu.tier2.Tier2Service;
import org.picu.tier2.api.ApiServer;
import org.picu.tier2.load.LoadReport;
import org.picu.worker.WorkerMain;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.spool.CrawlLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./picu-demo}: the whole product on this machine with embedded defaults, first filled with a history, then
 * live.
 *
 * <p>Every source is replayed from loopback ({@link DemoSites}: Upbit, Fear &amp; Greed, Perplexity and a
 * declarative news page, in the shapes the real sites serve, with deterministic seeded data). First the worker's
 * own crawl code crawls the sites as they were over the last two to three days ({@link HistoryCrawl}: the
 * sites and the worker's fetcher share a clock that stands at each past crawl time), then the worker's
 * {@code upload}, the master's {@code cycle} (Hadoop standalone: local file system, local job runner) and tier-2's
 * load into an embedded MariaDB run, and the API and dashboard are served. From then on it is a live pipeline in
 * this process: the worker daemon crawls the sites on its schedules, the orchestrator daemon runs its cycles, and
 * tier-2 loads on its interval. Running it again crawls only the time since the last run.
 */
@Command(name = "picu-demo", mixinStandardHelpOptions = true,
        description = "Replays every source on loopback, crawls a history of them, runs spool -> raw -> jobs -> MariaDB"
                + " -> API locally, serves the dashboard, and keeps crawling, running jobs and loading live.")
public final class LocalDemo implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDemo.class);
    /** The sources of the demo: the five built-in ones and {@code demowire}, a declarative (CSS selector) source. */
    static final List<String> SOURCES =
            List.of("upbit", "fear_greed", "coinness", "saveticker", "perplexity", "demowire");
    /** How often each source is crawled in the history; the live schedules are in {@link #workerSettings}. */
    static final Map<String, Duration> HISTORY_CADENCE = cadence();
    /**
     * Job settings: the declarative source read by clean-news, and a local job runner sized for the demo's few
     * megabytes (a 16 MB map sort buffer instead of 100 MB per task; completion and progress polled every 50 and
     * 100 ms instead of 5 s and 1 s).
     */
    static final Map<String, String> JOB_PROPERTIES = Map.of(
            "picu.clean-news.sources", "coinness,saveticker,perplexity,demowire",
            "mapreduce.task.io.sort.mb", "16",
            "mapreduce.client.completion.pollinterval", "50",
            "mapreduce.client.progressmonitor.pollinterval", "100");
    /** UTC days of history before today: the history starts in the first of them. */
    static final int HISTORY_DAYS = 2;
    /** Hours of history wanted: two days of hourly candles and a little more. */
    static final Duration HISTORY = Duration.ofHours(50);

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port of the API (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(
            names = "--data-dir",
            defaultValue = "data/demo",
            description = "where everything is written (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--seed", defaultValue = "17", description = "seed of the replayed data (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-live", description = "stop after the first load instead of running live (for benchmarks)")
    boolean noLive;

    /** How often the live daemons act; the command line always runs {@link LiveCadence#SHIPPED}. */
    LiveCadence liveCadence = LiveCadence.SHIPPED;

    /**
     * How often the live daemons crawl upbit, roll spool files, upload, run a cycle and load.
     *
     * @param upbitSchedule the worker's cron schedule of upbit (the other sources keep theirs)
     * @param rollAge the worker's spool roll age
     * @param uploadInterval the worker daemon's upload interval
     * @param cycleSchedule the orchestrator's cron schedule
     * @param loadInterval tier-2's load interval
     */
    record LiveCadence(String upbitSchedule, Duration rollAge, Duration uploadInterval, String cycleSchedule,
            Duration loadInterval) {
        /** The demo's: upbit and a cycle every minute (the orchestrator's shipped default), loads every 20 s. */
        static final LiveCadence SHIPPED = new LiveCadence("0 * * * * *", Duration.ofMinutes(1),
                Duration.ofSeconds(15), "0 * * * * *", Duration.ofSeconds(20));
        /**
         * The same chain every few seconds, for tests that wait for the live pipeline: a newer price reaches the
         * API within about half a minute instead of about two and a half.
         */
        static final LiveCadence QUICK = new LiveCadence("*/5 * * * * *", Duration.ofSeconds(5),
                Duration.ofSeconds(3), "*/10 * * * * *", Duration.ofSeconds(3));
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalDemo()).execute(args));
    }

    /** A demo writing to {@code dataDir}, serving on {@code port} (0: any free port), with data of {@code seed}. */
    public static LocalDemo of(Path dataDir, int port, long seed) {
        LocalDemo demo = new LocalDemo();
        demo.dataDir = dataDir;
        demo.port = port;
        demo.seed = seed;
        return demo;
    }

    private static Map<String, Duration> cadence() {
        Map<String, Duration> cadence = new LinkedHashMap<>();
        cadence.put("upbit", Duration.ofMinutes(20));
        cadence.put("fear_greed", Duration.ofHours(6));
        cadence.put("coinness", Duration.ofHours(1));
        cadence.put("saveticker", Duration.ofHours(2));
        cadence.put("perplexity", Duration.ofHours(3));
        cadence.put("demowire", Duration.ofHours(2));
        return cadence;
    }

    @Override
    public Integer call() throws Exception {
        Running demo = start(!noLive);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "picu-demo-shutdown"));
        if (noLive) {
            demo.close();
            return 0;
        }
        new CountDownLatch(1).await();
        return 0;
    }

    /** A started demo: its API, and everything to stop. */
    public static final class Running implements AutoCloseable {
        private final Tier2Service tier2;
        private final DemoSites sites;
        private final String baseUrl;
        private final Duration readyAfter;
        private final List<Thread> daemons = new java.util.ArrayList<>();
        private boolean closed;

        private Running(Tier2Service tier2, DemoSites sites, String baseUrl, Duration readyAfter) {
            this.tier2 = tier2;
            this.sites = sites;
            this.baseUrl = baseUrl;
            this.readyAfter = readyAfter;
        }

        /** The API's base URL; the dashboard is at {@code /dashboard}. */
        public String baseUrl() {
            return baseUrl;
        }

        /** From the start to the first full load with the API up. */
        public Duration readyAfter() {
            return readyAfter;
        }

        /** Stops the daemons, tier-2 (API, loader, MariaDB) and the replay sites. */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            daemons.forEach(Thread::interrupt);
            for (Thread daemon : daemons) {
                try {
                    daemon.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            daemons.clear();
            tier2.close();
            sites.close();
        }
    }

    /**
     * Crawls the history, runs upload, jobs and load, serves the API; with {@code live}, then starts the worker
     * daemon, the orchestrator daemon and interval loading.
     */
    public Running start(boolean live) throws Exception {
        Instant start = Instant.now();
        Path work = Files.createDirectories(dataDir).toAbsolutePath();
        Path storage = Files.createDirectories(work.resolve("hdfs"));
        SiteClock clock = new SiteClock();
        DemoSites sites = DemoSites.start(clock, seed);
        LOG.info("Replaying every source at {}", sites.baseUrl());
        LocalPipeline pipeline = new LocalPipeline(work, storage.toUri(), SOURCES,
                workerSettings(sites.baseUrl(), liveCadence), masterSettings(liveCadence), JOB_PROPERTIES,
                liveCadence.rollAge());

        // MariaDB starts and migrates beside the crawl and the jobs; the load waits for it
        CompletableFuture<Tier2Service> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return pipeline.openTier2(
                        pipeline.tier2Yaml("""
                            database:
                              embedded:
                                enabled: true
                                base-dir: %s
                                port: 0
                            """.formatted(work.resolve("mariadb")), port, liveCadence.loadInterval()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Tier2Service tier2;
        HistoryCrawl.Report history;
        LoadReport report;
        ApiServer api;
        Instant historyStart = historyStart(start);
        Instant crawled;
        Instant jobsDone;
        try {
            Map<String, Instant> done = new CrawlLedger(work.resolve("spool")).lastSuccess();
            history = HistoryCrawl.crawl(WorkerConfigLoader.load(pipeline.workerConfig()), clock, HISTORY_CADENCE,
                    historyStart, start, done);
            clock.live();
            crawled = Instant.now();
            pipeline.upload();
            pipeline.cycle();
            jobsDone = Instant.now();
            tier2 = opening.join();
        } catch (Exception | Error e) {
            opening.thenAccept(Tier2Service::close);
            sites.close();
            throw e;
        }
        try {
            report = tier2.load();
            api = tier2.startApi();
        } catch (Exception | Error e) {
            tier2.close();
            sites.close();
            throw e;
        }
        Instant ready = Instant.now();
        Running running = new Running(tier2, sites, api.baseUrl(), Duration.between(start, ready));
        System.out.printf("%nPICU demo ready in %d s (history crawl %d s, upload and jobs %d s, load and API %d s;"
                + " MariaDB started beside them)%n",
                Duration.between(start, ready).toSeconds(), Duration.between(start, crawled).toSeconds(),
                Duration.between(crawled, jobsDone).toSeconds(), Duration.between(jobsDone, ready).toSeconds());
        System.out.printf("History since %s UTC: %s%n", historyStart.toString().substring(0, 16).replace('T', ' '),
                history.totalRuns() == 0 ? "nothing new since the last run" : history.summary());
        System.out.println("Load: " + report.summary());
        System.out.printf("Dashboard: %s/dashboard%n", api.baseUrl());
        System.out.printf("Query it:  curl '%s/api/market/trends?symbol=BTC&limit=5'%n", api.baseUrl());
        System.out.printf("           curl '%s/api/pipeline/status'%n", api.baseUrl());
        System.out.println("Data, configs and logs: " + work + "   (Ctrl-C stops everything)");
        if (live) {
            running.daemons.add(daemon("picu-worker-daemon", () -> WorkerMain.run("daemon", "--config",
                    pipeline.workerConfig().toString())));
            running.daemons.add(daemon("picu-master-daemon", () -> MasterMain.run("daemon", "--config",
                    pipeline.masterConfig().toString())));
            tier2.startIntervalLoading();
            System.out.printf("Live: the worker daemon crawls the replay sites on its schedules (upbit: %s), the"
                    + " orchestrator runs a cycle on %s, tier-2 loads every %d s; the dashboard refreshes itself.%n",
                    liveCadence.upbitSchedule(), liveCadence.cycleSchedule(), liveCadence.loadInterval().toSeconds());
        }
        return running;
    }

    /**
     * {@link #HISTORY} before {@code now}, on the hour, but not before 00:00 UTC {@link #HISTORY_DAYS} days ago: at
     * least 48 hours, always three UTC days of partitions.
     */
    static Instant historyStart(Instant now) {
        Instant wanted = now.minus(HISTORY).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant firstDay = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(HISTORY_DAYS).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return wanted.isBefore(firstDay) ? firstDay : wanted;
    }

    private static Thread daemon(String name, java.util.function.IntSupplier command) {
        Thread thread = new Thread(() -> LOG.info("{} ended with exit code {}", name, command.getAsInt()), name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The worker's settings: the replay sites as its sources, with schedules a few minutes apart at most. */
    static String workerSettings(String base) {
        return workerSettings(base, LiveCadence.SHIPPED);
    }

    static String workerSettings(String base, LiveCadence cadence) {
        return """
            fetch:
              user-agent: "PICU-crawler/0.1 (local demo)"
              # the replay sites are on loopback; real sites get seconds between requests
              host-delay: PT0S
              host-jitter: PT0S
            upload:
              interval: %2$s
            schedules:
              upbit: "%3$s"
              fear_greed: "30 7 * * * *"
              coinness: "40 */2 * * * *"
              saveticker: "50 */3 * * * *"
              perplexity: "10 */15 * * * *"
              demowire: "20 */3 * * * *"
            assignments:
              local-worker: [upbit, fear_greed, coinness, saveticker, perplexity, demowire]
            sources:
              upbit:
                base-url: %1$s
                symbols: [BTC, ETH, XRP, ADA, DOGE, SOL, DOT, MATIC, AVAX, LINK]
              fear_greed:
                api-url: %1$s/fng/
                page-url: %1$s/crypto/fear-and-greed-index/
                limit: 30
              coinness:
                api-url: %1$s/feed/v1/breaking-news
                language: ko
                page-size: 20
                max-pages: 1
                max-items: 20
              saveticker:
                api-url: %1$s
                page-size: 10
                max-pages: 1
                max-items: 10
              perplexity:
                page-url: %1$s/finance/crypto
              declarative:
                - name: demowire
                  start-url: %1$s/wire/latest?page=1
                  item: article.story
                  title: h2 a
                  link: h2 a
                  date: time
                  date-attribute: datetime
                  date-format: iso
                  body: p.summary
                  next: a.next
                  max-pages: 2
            """.formatted(base, cadence.uploadInterval(), cadence.upbitSchedule());
    }

    /** The orchestrator's settings: the history's days, and the cadence's cycle schedule while live. */
    static String masterSettings(LiveCadence cadence) {
        return """
            orchestrator:
              id: local-orchestrator
              lookback-days: %d
              default-schedule: "%s"
              parallel-jobs: 3
              retry:
                initial-backoff-seconds: 5
                max-backoff-seconds: 30
                failure-cooldown-minutes: 5
            """.formatted(HISTORY_DAYS + 1, cadence.cycleSchedule());
    }
}
