package org.picu.master.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.picu.config.ConfigReader;
import org.picu.model.layout.Dataset;

/**
 * The master's configuration ({@code master.yml}):
 *
 * <pre>
 * hadoop:
 *   conf-dir: /etc/hadoop/conf        # optional: *-site.xml of the cluster; without it, standalone mode
 *   properties:                       # optional: single Hadoop settings that win over conf-dir
 *     fs.defaultFS: file:///
 * layout:
 *   root: /                           # where raw/, cleaned/, staging/ and locks/ live
 * jobs:
 *   jar: /opt/picu/jobs/mapreduce-jobs-0.1.0.jar  # the job jar YARN ships to containers
 * orchestrator:                     # all optional; see the module README
 *   id: pi-master
 *   lookback-days: 3
 *   default-schedule: "* * * * *"
 *   schedules: {candles_1h: "5 * * * *"}
 *   lease-ttl-minutes: 3
 *   parallel-jobs: 2
 *   compact-after-minutes: 10
 *   retry: {max-attempts: 3, initial-backoff-seconds: 30, max-backoff-seconds: 300, failure-cooldown-minutes: 60}
 *   local-jobs: {max-input-mb: 64, max-input-files: 2000}
 *   ledger-retention-days: 31
 * health: {heartbeat-max-age-minutes: 30, min-free-disk-percent: 10}
 * metrics: {port: 9102, bind: 0.0.0.0}   # optional: the daemon's Prometheus endpoint; off without a port
 * </pre>
 *
 * @param hadoopConfDir directory with core-site.xml, hdfs-site.xml, yarn-site.xml, mapred-site.xml
 * @param hadoopProperties single settings applied last
 * @param layoutRoot root of the HDFS layout
 * @param jobsJar the shaded job jar; required when jobs run on YARN
 * @param orchestrator schedules, retries and leases
 * @param health thresholds of the health checks
 * @param metrics the daemon's Prometheus endpoint
 */
public record MasterConfig(Optional<Path> hadoopConfDir, Map<String, String> hadoopProperties, String layoutRoot,
                           Optional<Path> jobsJar, OrchestratorSettings orchestrator, HealthSettings health,
                           MetricsSettings metrics) {

    private static final Set<String> TOP_KEYS = Set.of("hadoop", "layout", "jobs", "orchestrator", "health", "metrics");
    private static final Set<String> METRICS_KEYS = Set.of("port", "bind");
    private static final Set<String> HADOOP_KEYS = Set.of("conf-dir", "properties");
    private static final Set<String> LAYOUT_KEYS = Set.of("root");
    private static final Set<String> JOBS_KEYS = Set.of("jar");
    private static final Set<String> ORCHESTRATOR_KEYS = Set.of(
            "id",
            "lookback-days",
            "default-schedule",
            "schedules",
            "lease-ttl-minutes",
            "parallel-jobs",
            "compact-after-minutes",
            "retry",
            "local-jobs",
            "ledger-retention-days");
    private static final Set<String> LOCAL_JOBS_KEYS = Set.of("max-input-mb", "max-input-files");
    private static final Set<String> RETRY_KEYS =
            Set.of("max-attempts", "initial-backoff-seconds", "max-backoff-seconds", "failure-cooldown-minutes");
    private static final Set<String> HEALTH_KEYS = Set.of("heartbeat-max-age-minutes", "min-free-disk-percent");

    public MasterConfig {
        hadoopProperties = Map.copyOf(hadoopProperties);
    }

    /** A configuration without a metrics endpoint. */
    public MasterConfig(Optional<Path> hadoopConfDir, Map<String, String> hadoopProperties, String layoutRoot,
                        Optional<Path> jobsJar, OrchestratorSettings orchestrator, HealthSettings health) {
        this(hadoopConfDir, hadoopProperties, layoutRoot, jobsJar, orchestrator, health, MetricsSettings.off());
    }

    /** A configuration with the default orchestrator and health settings. */
    public MasterConfig(Optional<Path> hadoopConfDir, Map<String, String> hadoopProperties, String layoutRoot,
                        Optional<Path> jobsJar) {
        this(hadoopConfDir, hadoopProperties, layoutRoot, jobsJar, defaults().orchestrator(), defaults().health());
    }

    /** Every key at its default (an empty file). */
    private static MasterConfig defaults() {
        ConfigReader reader = ConfigReader.parse("", Path.of("."));
        return read(reader, reader.root(TOP_KEYS));
    }

    /** Reads and validates a file; every problem is reported at once. */
    public static MasterConfig load(Path file) throws ConfigException {
        ConfigReader reader =
                ConfigReader.read(file, "pass the master's YAML file with --config (see conf/master/master.yml)");
        if (!reader.readable()) {
            throw new ConfigException(file.toString(), reader.problems());
        }
        MasterConfig config = read(reader, reader.root(TOP_KEYS));
        if (!reader.problems().isEmpty()) {
            throw new ConfigException(file.toString(), reader.problems());
        }
        return config;
    }

    private static MasterConfig read(ConfigReader reader, JsonNode root) {
        JsonNode hadoop = reader.section(root, "hadoop", "hadoop", HADOOP_KEYS);
        Optional<Path> confDir = reader.path(hadoop, "conf-dir", "hadoop.conf-dir");
        confDir.filter(d -> !Files.isDirectory(d))
                .ifPresent(d -> reader.problem("hadoop.conf-dir " + d + " is not a directory"));
        Map<String, String> properties = reader.stringMap(hadoop, "properties", "hadoop.properties");

        JsonNode layout = reader.section(root, "layout", "layout", LAYOUT_KEYS);
        String layoutRoot = "/";
        if (layout.has("root")) {
            JsonNode value = layout.get("root");
            layoutRoot = value.isValueNode() && !value.isNull() ? value.asText().trim() : "";
            if (layoutRoot.isEmpty()) {
                reader.problem("layout.root must name a directory, e.g. / or file:///var/lib/picu");
            }
        }

        Optional<Path> jar = reader.path(reader.section(root, "jobs", "jobs", JOBS_KEYS), "jar", "jobs.jar");
        jar.filter(j -> !Files.isRegularFile(j))
                .ifPresent(j -> reader.problem("jobs.jar " + j + " does not exist; build it with ./mvnw package"));

        OrchestratorSettings orchestrator = orchestrator(reader, reader.section(root, "orchestrator", "orchestrator",
                ORCHESTRATOR_KEYS));
        HealthSettings health = health(reader, reader.section(root, "health", "health", HEALTH_KEYS));
        MetricsSettings metrics = metrics(reader, reader.section(root, "metrics", "metrics", METRICS_KEYS));
        return new MasterConfig(confDir, properties, layoutRoot, jar, orchestrator, health, metrics);
    }

    private static MetricsSettings metrics(ConfigReader reader, JsonNode node) {
        java.util.OptionalInt port = reader.has(node, "port")
                ? java.util.OptionalInt.of(reader.integer(node, "port", "metrics.port", 0, 1, 65535))
                : java.util.OptionalInt.empty();
        String bind = reader.string(node, "bind", "metrics.bind").orElse(MetricsSettings.DEFAULT_BIND);
        if (!bind.matches("[0-9A-Za-z.:_-]+")) {
            reader.problem("metrics.bind '" + bind + "' must be an address or host name, e.g. 0.0.0.0 or 127.0.0.1");
        }
        return new MetricsSettings(port, bind);
    }

    private static OrchestratorSettings orchestrator(ConfigReader reader, JsonNode node) {
        String id = reader.string(node, "id", "orchestrator.id").orElseGet(MasterConfig::defaultId);
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            reader.problem("orchestrator.id '" + id + "' must be letters, digits, '.', '_' or '-', e.g. pi-master");
        }
        long lookbackDays = reader.wholeNumber(node, "lookback-days", "orchestrator.lookback-days", 3);
        if (lookbackDays < 1 || lookbackDays > Integer.MAX_VALUE) {
            reader.problem("orchestrator.lookback-days must be at least 1 (today), not " + lookbackDays);
        }
        String defaultSchedule = reader.string(node, "default-schedule", "orchestrator.default-schedule")
                .orElse("* * * * *");
        CronSchedules.problem(defaultSchedule).ifPresent(p -> reader.problem("orchestrator.default-schedule: " + p));
        Map<Dataset, String> schedules = new EnumMap<>(Dataset.class);
        reader.stringMap(node, "schedules", "orchestrator.schedules").forEach((dataset, cron) -> {
            Optional<Dataset> known = Dataset.fromDirName(dataset);
            if (known.isEmpty()) {
                reader.problem("orchestrator.schedules: unknown dataset '" + dataset + "'; known: "
                        + Arrays.stream(Dataset.values()).map(Dataset::dirName).toList());
            }
            CronSchedules.problem(cron).ifPresent(p -> reader.problem("orchestrator.schedules." + dataset + ": " + p));
            known.ifPresent(d -> schedules.put(d, cron));
        });
        long leaseTtlMinutes = reader.wholeNumber(node, "lease-ttl-minutes", "orchestrator.lease-ttl-minutes",
                OrchestratorSettings.DEFAULT_LEASE_TTL.toMinutes());
        if (leaseTtlMinutes < 1) {
            reader.problem("orchestrator.lease-ttl-minutes must be positive; a lease not renewed for this long is taken"
                    + " over, and its holder renews it every sixth of it");
        }
        long parallelJobs = reader.wholeNumber(node, "parallel-jobs", "orchestrator.parallel-jobs", 2);
        if (parallelJobs < 1 || parallelJobs > 16) {
            reader.problem("orchestrator.parallel-jobs must be 1 to 16, not " + parallelJobs
                    + "; each running job holds an application master and its task containers");
        }
        long compactAfter = reader.wholeNumber(node, "compact-after-minutes", "orchestrator.compact-after-minutes",
                OrchestratorSettings.DEFAULT_COMPACT_AFTER.toMinutes());
        if (compactAfter < 0 || compactAfter > 1440) {
            reader.problem("orchestrator.compact-after-minutes must be 0 to 1440, not " + compactAfter
                    + "; it should exceed how late a worker's files of an hour normally arrive");
        }
        OrchestratorSettings.RetrySettings retry = retry(reader, reader.section(node, "retry", "orchestrator.retry",
                RETRY_KEYS));
        OrchestratorSettings.LocalJobs localJobs = localJobs(reader, reader.section(node, "local-jobs",
                "orchestrator.local-jobs", LOCAL_JOBS_KEYS));
        // at least the lookback window: a cycle's cool-down and fingerprint checks read the ledger of those days
        int retention = reader.integer(node, "ledger-retention-days", "orchestrator.ledger-retention-days",
                OrchestratorSettings.DEFAULT_LEDGER_RETENTION_DAYS, 0, 100_000);
        if (retention > 0 && retention <= lookbackDays + 10) {
            reader.problem("orchestrator.ledger-retention-days must be 0 (keep all) or more than lookback-days + 10"
                    + " (the days a cycle may rebuild), not " + retention);
        }
        return reader.problems().isEmpty()
                ? new OrchestratorSettings(
                        id,
                        (int) lookbackDays,
                        defaultSchedule,
                        schedules,
                        Duration.ofMinutes(leaseTtlMinutes),
                        retry,
                        (int) parallelJobs,
                        localJobs,
                        retention,
                        Duration.ofMinutes(compactAfter))
                : null;
    }

    private static OrchestratorSettings.LocalJobs localJobs(ConfigReader reader, JsonNode node) {
        OrchestratorSettings.LocalJobs defaults = OrchestratorSettings.LocalJobs.DEFAULT;
        // 4096 MB: far above what an orchestrator heap could hold as a local job's shuffle
        long mb = reader.longValue(node, "max-input-mb", "orchestrator.local-jobs.max-input-mb",
                defaults.maxInputBytes() >> 20, 0, 4096);
        int files = reader.integer(node, "max-input-files", "orchestrator.local-jobs.max-input-files",
                defaults.maxInputFiles(), 0, 1_000_000);
        return new OrchestratorSettings.LocalJobs(mb << 20, files);
    }

    private static OrchestratorSettings.RetrySettings retry(ConfigReader reader, JsonNode node) {
        long maxAttempts = reader.wholeNumber(node, "max-attempts", "orchestrator.retry.max-attempts", 3);
        if (maxAttempts < 1 || maxAttempts > Integer.MAX_VALUE) {
            reader.problem("orchestrator.retry.max-attempts must be at least 1, not " + maxAttempts);
        }
        long initial =
                reader.wholeNumber(node, "initial-backoff-seconds", "orchestrator.retry.initial-backoff-seconds", 30);
        long max = reader.wholeNumber(node, "max-backoff-seconds", "orchestrator.retry.max-backoff-seconds", 300);
        if (initial < 0 || max < initial) {
            reader.problem("orchestrator.retry: need 0 <= initial-backoff-seconds <= max-backoff-seconds");
        }
        long cooldown =
                reader.wholeNumber(node, "failure-cooldown-minutes", "orchestrator.retry.failure-cooldown-minutes", 60);
        if (cooldown < 0) {
            reader.problem("orchestrator.retry.failure-cooldown-minutes must not be negative");
        }
        return new OrchestratorSettings.RetrySettings((int) maxAttempts, Duration.ofSeconds(initial),
                Duration.ofSeconds(max), Duration.ofMinutes(cooldown));
    }

    private static HealthSettings health(ConfigReader reader, JsonNode node) {
        long maxAge = reader.wholeNumber(node, "heartbeat-max-age-minutes", "health.heartbeat-max-age-minutes", 30);
        if (maxAge < 1) {
            reader.problem("health.heartbeat-max-age-minutes must be positive");
        }
        long minFree = reader.wholeNumber(node, "min-free-disk-percent", "health.min-free-disk-percent", 10);
        if (minFree < 0 || minFree > 100) {
            reader.problem("health.min-free-disk-percent must be between 0 and 100");
        }
        return new HealthSettings(Duration.ofMinutes(maxAge), (int) minFree);
    }

    private static String defaultId() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
        } catch (UnknownHostException e) {
            return "master";
        }
    }
}
