package org.picu.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.picu.tier2.db.EmbeddedMariaDb;

/**
 * The PICU processes of the proof and the configuration files an operator would write for them (under
 * {@code <work>/conf/}): two worker daemons, the orchestrator daemon, tier-2 {@code serve} with its interval
 * loader. MariaDB is a {@code mariadbd} process of its own, started by the harness through {@link EmbeddedMariaDb}.
 */
final class ProofPipeline {
    static final String DATABASE = "picu_proof";
    static final List<String> SYMBOLS =
            List.of("BTC", "ETH", "XRP", "ADA", "DOGE", "SOL", "DOT", "AVAX", "LINK", "TRX");
    static final String FULL_WORKER = "w1";
    static final String CAPPED_WORKER = "w2";
    /** The capped worker's spool: about ten seconds of its crawling beyond what it holds when HDFS answers. */
    static final String CAPPED_SPOOL = "32KiB";
    /**
     * Every dataset's cycle: every 5 s (the orchestrator's six-field form, seconds first), so that jobs run while
     * the faults are injected and the drain does not wait for a minute boundary. A cycle with nothing out of date
     * costs a few HDFS listings.
     */
    static final String CYCLE = "*/5 * * * * *";

    final ChildJvm w1;
    final ChildJvm w2;
    final ChildJvm orchestrator;
    final ChildJvm tier2;
    final Path masterConfig;
    final Path[] workerConfigs;
    final int apiPort;
    private final ProofClasspath classpath;
    private final Path work;

    private ProofPipeline(Path work, ProofClasspath classpath, ChildJvm w1, ChildJvm w2, ChildJvm orchestrator,
                          ChildJvm tier2, Path masterConfig, Path[] workerConfigs, int apiPort) {
        this.work = work;
        this.classpath = classpath;
        this.w1 = w1;
        this.w2 = w2;
        this.orchestrator = orchestrator;
        this.tier2 = tier2;
        this.masterConfig = masterConfig;
        this.workerConfigs = workerConfigs;
        this.apiPort = apiPort;
    }

    /**
     * How often things happen. {@code ACCELERATED}, for the fault proof: files roll every 15 s (6 s on the capped
     * worker), uploads every 3 s, cycles every 5 s, loads every 2 s. {@code SHIPPED}, for the freshness benchmark: the
     * shipped defaults (worker-example.yml, conf/master/master.yml, the tier-2 load timer's interval): files roll after
     * a minute, uploads every 30 s, cycles every minute with automatic local jobs, loads every minute; both workers
     * get the big spool (no fault needs a full one).
     */
    enum Cadence { ACCELERATED, SHIPPED }

    static ProofPipeline prepare(Path work, ProofClasspath classpath, HadoopDaemons hadoop, String siteUrl,
                                 EmbeddedMariaDb mariaDb, Path jobJar, Cadence cadence) throws IOException {
        Path conf = Files.createDirectories(work.resolve("conf"));
        String hdfs = hadoop.fileSystemUri().toString();
        boolean shipped = cadence == Cadence.SHIPPED;
        Path w1Config = Files.writeString(
                conf.resolve("worker-w1.yml"),
                workerYaml(
                        FULL_WORKER,
                        work.resolve("w1/spool"),
                        "1GiB",
                        shipped ? "PT1M" : "PT15S",
                        shipped ? "PT30S" : "PT3S",
                        hdfs,
                        hadoop.confDir(),
                        siteUrl));
        // the second worker's spool is capped small, so that it fills while the NameNode is down
        Path w2Config = Files.writeString(
                conf.resolve("worker-w2.yml"),
                workerYaml(
                        CAPPED_WORKER,
                        work.resolve("w2/spool"),
                        shipped ? "1GiB" : CAPPED_SPOOL,
                        shipped ? "PT1M" : "PT6S",
                        shipped ? "PT30S" : "PT3S",
                        hdfs,
                        hadoop.confDir(),
                        siteUrl));
        Path masterConfig = Files.writeString(conf.resolve("master.yml"),
                shipped ? shippedMasterYaml(hadoop, jobJar) : masterYaml(hadoop, work, jobJar));
        int apiPort = HadoopDaemons.freePort();
        Path tier2Config = Files.writeString(conf.resolve("tier2.yml"), """
            database:
              url: %s
              user: %s
              pool-size: 4
            hdfs:
              uri: %s
              root: /
              conf-dir: %s
            http:
              bind: 127.0.0.1
              port: %d
            load:
              batch-size: 1000
              interval: %s
            """.formatted(
                        mariaDb.jdbcUrl(DATABASE),
                        EmbeddedMariaDb.USER,
                        hdfs,
                        hadoop.confDir(),
                        apiPort,
                        shipped ? "PT1M" : "PT2S"));
        Path logs = work.resolve("logs");
        List<String> log4j = List.of("-Dlog4j.configuration=" + hadoop.confDir().resolve("log4j.properties").toUri(),
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")));
        // every process with the JVM flags of its systemd unit (conf/*/picu-*.service)
        ChildJvm w1 = new ChildJvm("worker-w1", classpath.joined(), worker(log4j), "org.picu.worker.WorkerMain",
                List.of("daemon", "--config", w1Config.toString()), WORKER_ENV, logs);
        ChildJvm w2 = new ChildJvm("worker-w2", classpath.joined(), worker(log4j), "org.picu.worker.WorkerMain",
                List.of("daemon", "--config", w2Config.toString()), WORKER_ENV, logs);
        ChildJvm orchestrator = new ChildJvm(
                "orchestrator",
                hadoop.confDir() + ":" + classpath.joined(),
                jvm("-Xmx256m", log4j),
                "org.picu.master.MasterMain",
                List.of("daemon", "--config", masterConfig.toString()),
                AS_SERVICE_USER,
                logs);
        ChildJvm tier2 = new ChildJvm("tier2", classpath.joined(), jvm("-Xmx256m", log4j), "org.picu.tier2.Tier2Main",
                List.of("serve", "--config", tier2Config.toString()), AS_SERVICE_USER, logs);
        return new ProofPipeline(work, classpath, w1, w2, orchestrator, tier2, masterConfig,
                new Path[] {w1Config, w2Config}, apiPort);
    }

    /** The worker unit's flags (conf/worker/picu-worker.service): the Pi budget is a 64 MB heap and 128 MB RSS. */
    private static final List<String> WORKER_JVM = List.of("-Xms16m", "-Xmx64m", "-Xss256k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=48m", "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxDirectMemorySize=16m");
    /**
     * The HDFS user every PICU process runs as: like the {@code picu} service user on the cluster, not the superuser
     * (who started the NameNode: this machine's user). Simple authentication takes the name from the environment.
     */
    static final String SERVICE_USER = "picu";
    private static final Map<String, String> AS_SERVICE_USER = Map.of("HADOOP_USER_NAME", SERVICE_USER);
    private static final Map<String, String> WORKER_ENV =
            Map.of("MALLOC_ARENA_MAX", "2", "HADOOP_USER_NAME", SERVICE_USER);

    private static List<String> worker(List<String> common) {
        List<String> opts = new ArrayList<>(WORKER_JVM);
        opts.addAll(common);
        return opts;
    }

    private static List<String> jvm(String heap, List<String> common) {
        List<String> opts = new ArrayList<>();
        opts.add(heap);
        opts.addAll(common);
        return opts;
    }

    /** A one-shot command of the orchestrator's command line (e.g. a backfill in the drain), run to its end. */
    int runMaster(Duration timeout, String... args) {
        return runMaster(AS_SERVICE_USER, timeout, args);
    }

    /**
     * {@code picu-master hdfs-init}, run as the HDFS superuser as on the cluster: the directories, owners and
     * modes every PICU process needs, from the one definition Ansible applies too.
     */
    int initHdfs(Duration timeout) {
        return runMaster(Map.of(), timeout, "hdfs-init", "--owner", SERVICE_USER + ":" + SERVICE_USER);
    }

    private int runMaster(Map<String, String> env, Duration timeout, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(masterConfig.toString());
        ChildJvm once = new ChildJvm(
                "master-" + args[0],
                classpath.joined(),
                List.of("-Xmx256m", "-Djava.io.tmpdir=" + work.resolve("tmp"), oneShotLog4j()),
                "org.picu.master.MasterMain",
                all,
                env,
                work.resolve("logs"));
        return runToExit(once, timeout);
    }

    /** A one-shot worker command (the final upload of the drain). */
    int runWorker(int index, Duration timeout, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(workerConfigs[index].toString());
        ChildJvm once = new ChildJvm(
                "worker-w" + (index + 1) + "-" + args[0],
                classpath.joined(),
                worker(List.of("-Djava.io.tmpdir=" + work.resolve("tmp"), oneShotLog4j())),
                "org.picu.worker.WorkerMain",
                all,
                WORKER_ENV,
                work.resolve("logs"));
        return runToExit(once, timeout);
    }

    /** Starts a one-shot command and returns its exit code, or -1 after killing it when it outlived the timeout. */
    private static int runToExit(ChildJvm once, Duration timeout) {
        once.start();
        int code = once.awaitExit(timeout).orElse(-1);
        if (code == -1) {
            once.kill();
        }
        return code;
    }

    /** The daemons' console logging (their output goes to the process log the harness keeps). */
    private String oneShotLog4j() {
        return "-Dlog4j.configuration=" + work.resolve("conf/hadoop/log4j.properties").toUri();
    }

    List<ChildJvm> all() {
        return List.of(w1, w2, orchestrator, tier2);
    }

    Path spool(String worker) {
        return work.resolve(worker).resolve("spool");
    }

    private static String workerYaml(String id, Path spool, String maxBytes, String rollAge, String uploadInterval,
                                     String hdfs, Path confDir, String siteUrl) {
        return """
            worker:
              id: %s
            spool:
              dir: %s
              roll-bytes: 1MiB
              roll-age: %s
              max-bytes: %s
            hdfs:
              uri: %s
              root: /
              conf-dir: %s
            fetch:
              user-agent: "PICU-crawler/0.1 (system proof; worker %s)"
              host-delay: PT0.05S
              host-jitter: PT0.01S
              connect-timeout: PT5S
              read-timeout: PT10S
              backoff-base: PT1S
              backoff-max: PT5S
              run-time-limit: PT1M
            upload:
              interval: %s
              backoff-min: PT1S
              backoff-max: PT10S
            schedules:
              upbit: "*/3 * * * * *"
              coinness: "*/4 * * * * *"
              saveticker: "*/5 * * * * *"
              fear_greed: "*/5 * * * * *"
              perplexity: "*/10 * * * * *"
            assignments:
              w1: [upbit, coinness, saveticker, fear_greed, perplexity]
              w2: [upbit, coinness, fear_greed]
            sources:
              upbit:
                base-url: %s
                symbols: [%s]
              fear_greed:
                api-url: %s/fng/
                page-url: %s/fng-page/
              coinness:
                api-url: %s%s
                page-size: %d
                max-pages: 1
              saveticker:
                api-url: %s/saveticker
                max-pages: 1
              perplexity:
                page-url: %s%s
            """.formatted(
                        id,
                        spool,
                        rollAge,
                        maxBytes,
                        hdfs,
                        confDir,
                        id,
                        uploadInterval,
                        siteUrl,
                        String.join(", ", SYMBOLS),
                        siteUrl,
                        siteUrl,
                        siteUrl,
                        LiveCoinness.PATH,
                        LiveCoinness.NEW_PER_LIST + LiveCoinness.RELISTED,
                        siteUrl,
                        siteUrl,
                        LivePerplexity.PATH);
    }

    /**
     * Hadoop properties (YAML lines under {@code hadoop.properties}) that run jobs uberized, with short polls: the
     * system proof's and the cycle benchmark's YARN settings.
     */
    static final String UBERIZED_JOBS = """
                mapreduce.job.ubertask.enable: "true"
                yarn.app.mapreduce.am.resource.mb: "768"
                yarn.app.mapreduce.am.command-opts: "-Xmx614m %s"
                mapreduce.client.completion.pollinterval: "200"
                mapreduce.client.progressmonitor.pollinterval: "200"
                yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms: "200"
            """.formatted(HadoopDaemons.SHORT_LIVED_JVM);

    /**
     * The orchestrator's configuration. Jobs run uberized (map and reduce inside the application master's JVM: one
     * container and one JVM start per job instead of three); YARN only uberizes a job whose map and reduce containers
     * fit the master's, so its container gets the reduce's 768 MB instead of the profile's 512 MB.
     */
    private static String masterYaml(HadoopDaemons hadoop, Path work, Path jobJar) {
        return """
            hadoop:
              conf-dir: %s
              properties:
            %s    picu.lock.ttl-ms: "60000"
            layout:
              root: /
            jobs:
              jar: %s
            orchestrator:
              id: proof-master
              lookback-days: 2
              default-schedule: "%s"
              parallel-jobs: 2
              local-jobs:
                max-input-mb: 64
                max-input-files: %d
              lease-ttl-minutes: 1
              compact-after-minutes: %d
              retry:
                max-attempts: 3
                initial-backoff-seconds: 5
                max-backoff-seconds: 20
                failure-cooldown-minutes: 0
            """.formatted(hadoop.confDir(), UBERIZED_JOBS, jobJar, CYCLE, LOCAL_JOB_MAX_FILES,
                COMPACT_AFTER.toMinutes());
    }

    /**
     * The fault proof's {@code compact-after-minutes}: an hour is compacted this long after it ends, and the small
     * files a compacted file holds are deleted this long after its commit (jobs that listed them still read them).
     * Shorter than the shipped 10 minutes so that the compaction fault does not wait long for its hour to close.
     */
    static final Duration COMPACT_AFTER = Duration.ofMinutes(2);

    /**
     * Automatic local mode in the fault proof: jobs over at most this many input files run inside the orchestrator
     * (derived jobs over a day's few Parquet files, e.g. candles and sentiment), the others on YARN (the cleaning jobs,
     * over the hundreds of 15-second raw files of a day), so that the NodeManager and orchestrator faults find YARN
     * jobs
     * in flight and the orchestrator fault for local jobs finds those.
     */
    static final int LOCAL_JOB_MAX_FILES = 4;

    /** The shipped conf/master/master.yml (cycles every minute, automatic local jobs), with the proof's cluster. */
    private static String shippedMasterYaml(HadoopDaemons hadoop, Path jobJar) {
        return """
            hadoop:
              conf-dir: %s
            layout:
              root: /
            jobs:
              jar: %s
            orchestrator:
              id: proof-master
              lookback-days: 3
              default-schedule: "* * * * *"
              parallel-jobs: 2
              local-jobs:
                max-input-mb: 64
                max-input-files: 2000
            """.formatted(hadoop.confDir(), jobJar);
    }
}
