package org.picu.master.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *   jar: /opt/picu/lib/mapreduce-jobs-0.1.0.jar   # the job jar YARN ships to containers
 * orchestrator:                     # all optional; see the module README
 *   id: pi-master
 *   lookback-days: 3
 *   default-schedule: "*&#47;15 * * * *"
 *   schedules: {candles_1h: "5 * * * *"}
 *   lease-ttl-minutes: 360
 *   parallel-jobs: 2
 *   retry: {max-attempts: 3, initial-backoff-seconds: 30, max-backoff-seconds: 300, failure-cooldown-minutes: 60}
 * health: {heartbeat-max-age-minutes: 30, min-free-disk-percent: 10}
 * </pre>
 *
 * @param hadoopConfDir directory with core-site.xml, hdfs-site.xml, yarn-site.xml, mapred-site.xml
 * @param hadoopProperties single settings applied last
 * @param layoutRoot root of the HDFS layout
 * @param jobsJar the shaded job jar; required when jobs run on YARN
 * @param orchestrator schedules, retries and leases
 * @param health thresholds of the health checks
 */
public record MasterConfig(Optional<Path> hadoopConfDir, Map<String, String> hadoopProperties, String layoutRoot,
                           Optional<Path> jobsJar, OrchestratorSettings orchestrator, HealthSettings health) {

    public MasterConfig {
        hadoopProperties = Map.copyOf(hadoopProperties);
    }

    /** A configuration with the default orchestrator and health settings. */
    public MasterConfig(Optional<Path> hadoopConfDir, Map<String, String> hadoopProperties, String layoutRoot,
                        Optional<Path> jobsJar) {
        this(hadoopConfDir, hadoopProperties, layoutRoot, jobsJar, new Orchestrator().settings(), new Health().settings());
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads and validates a file; every problem is reported at once. */
    public static MasterConfig load(Path file) throws ConfigException {
        File parsed;
        try {
            byte[] bytes = Files.readAllBytes(file);
            parsed = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank() ? null : YAML.readValue(bytes, File.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(file.toString(), List.of(describe(e)));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("no such file; pass the master's YAML file with --config"
                    + " (see conf/master/master.yml)"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read it: " + e.getMessage()));
        }
        if (parsed == null) {
            parsed = new File();
        }
        return parsed.validate(file.toString(), file.toAbsolutePath().getParent());
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .reduce((a, b) -> a + "." + b).orElse("(top)");
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown key '" + path + "'; known keys here: " + u.getKnownPropertyIds();
        }
        return "'" + path + "': " + e.getOriginalMessage();
    }

    /** The file as written; validated into a {@link MasterConfig}. */
    static final class File {
        @JsonProperty("hadoop") Hadoop hadoop = new Hadoop();
        @JsonProperty("layout") Layout layout = new Layout();
        @JsonProperty("jobs") Jobs jobs = new Jobs();
        @JsonProperty("orchestrator") Orchestrator orchestrator = new Orchestrator();
        @JsonProperty("health") Health health = new Health();

        MasterConfig validate(String name, Path base) throws ConfigException {
            List<String> problems = new ArrayList<>();
            Optional<Path> confDir = Optional.ofNullable(hadoop.confDir).map(base::resolve);
            confDir.filter(d -> !Files.isDirectory(d))
                    .ifPresent(d -> problems.add("hadoop.conf-dir " + d + " is not a directory"));
            if (layout.root == null || layout.root.isBlank()) {
                problems.add("layout.root must name a directory, e.g. / or file:///var/lib/picu");
            }
            Optional<Path> jar = Optional.ofNullable(jobs.jar).map(base::resolve);
            jar.filter(j -> !Files.isRegularFile(j))
                    .ifPresent(j -> problems.add("jobs.jar " + j + " does not exist; build it with ./mvnw package"));
            orchestrator.validate(problems);
            health.validate(problems);
            if (!problems.isEmpty()) {
                throw new ConfigException(name, problems);
            }
            return new MasterConfig(confDir, hadoop.properties, layout.root, jar, orchestrator.settings(), health.settings());
        }
    }

    static final class Hadoop {
        @JsonProperty("conf-dir") String confDir;
        @JsonProperty("properties") Map<String, String> properties = Map.of();
    }

    static final class Layout {
        @JsonProperty("root") String root = "/";
    }

    static final class Jobs {
        @JsonProperty("jar") String jar;
    }

    static final class Orchestrator {
        @JsonProperty("id") String id = defaultId();
        @JsonProperty("lookback-days") int lookbackDays = 3;
        @JsonProperty("default-schedule") String defaultSchedule = "*/15 * * * *";
        @JsonProperty("schedules") Map<String, String> schedules = Map.of();
        @JsonProperty("lease-ttl-minutes") long leaseTtlMinutes = 360;
        @JsonProperty("parallel-jobs") int parallelJobs = 2;
        @JsonProperty("retry") Retry retry = new Retry();

        void validate(List<String> problems) {
            if (id == null || !id.matches("[A-Za-z0-9_.-]+")) {
                problems.add("orchestrator.id '" + id + "' must be letters, digits, '.', '_' or '-', e.g. pi-master");
            }
            if (lookbackDays < 1) {
                problems.add("orchestrator.lookback-days must be at least 1 (today), not " + lookbackDays);
            }
            CronSchedules.problem(defaultSchedule).ifPresent(p -> problems.add("orchestrator.default-schedule: " + p));
            schedules.forEach((dataset, cron) -> {
                if (Dataset.fromDirName(dataset).isEmpty()) {
                    problems.add("orchestrator.schedules: unknown dataset '" + dataset + "'; known: "
                            + java.util.Arrays.stream(Dataset.values()).map(Dataset::dirName).toList());
                }
                CronSchedules.problem(cron).ifPresent(p -> problems.add("orchestrator.schedules." + dataset + ": " + p));
            });
            if (leaseTtlMinutes < 1) {
                problems.add("orchestrator.lease-ttl-minutes must be positive; make it longer than any job runs");
            }
            if (parallelJobs < 1 || parallelJobs > 16) {
                problems.add("orchestrator.parallel-jobs must be 1 to 16, not " + parallelJobs
                        + "; each running job holds an application master and its task containers");
            }
            retry.validate(problems);
        }

        OrchestratorSettings settings() {
            Map<Dataset, String> byDataset = new EnumMap<>(Dataset.class);
            schedules.forEach((d, cron) -> Dataset.fromDirName(d).ifPresent(ds -> byDataset.put(ds, cron)));
            return new OrchestratorSettings(id, lookbackDays, defaultSchedule, byDataset,
                    Duration.ofMinutes(leaseTtlMinutes), retry.settings(), parallelJobs);
        }

        private static String defaultId() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
            } catch (java.net.UnknownHostException e) {
                return "master";
            }
        }
    }

    static final class Retry {
        @JsonProperty("max-attempts") int maxAttempts = 3;
        @JsonProperty("initial-backoff-seconds") long initialBackoffSeconds = 30;
        @JsonProperty("max-backoff-seconds") long maxBackoffSeconds = 300;
        @JsonProperty("failure-cooldown-minutes") long failureCooldownMinutes = 60;

        void validate(List<String> problems) {
            if (maxAttempts < 1) {
                problems.add("orchestrator.retry.max-attempts must be at least 1, not " + maxAttempts);
            }
            if (initialBackoffSeconds < 0 || maxBackoffSeconds < initialBackoffSeconds) {
                problems.add("orchestrator.retry: need 0 <= initial-backoff-seconds <= max-backoff-seconds");
            }
            if (failureCooldownMinutes < 0) {
                problems.add("orchestrator.retry.failure-cooldown-minutes must not be negative");
            }
        }

        OrchestratorSettings.RetrySettings settings() {
            return new OrchestratorSettings.RetrySettings(maxAttempts, Duration.ofSeconds(initialBackoffSeconds),
                    Duration.ofSeconds(maxBackoffSeconds), Duration.ofMinutes(failureCooldownMinutes));
        }
    }

    static final class Health {
        @JsonProperty("heartbeat-max-age-minutes") long heartbeatMaxAgeMinutes = 30;
        @JsonProperty("min-free-disk-percent") int minFreeDiskPercent = 10;

        void validate(List<String> problems) {
            if (heartbeatMaxAgeMinutes < 1) {
                problems.add("health.heartbeat-max-age-minutes must be positive");
            }
            if (minFreeDiskPercent < 0 || minFreeDiskPercent > 100) {
                problems.add("health.min-free-disk-percent must be between 0 and 100");
            }
        }

        HealthSettings settings() {
            return new HealthSettings(Duration.ofMinutes(heartbeatMaxAgeMinutes), minFreeDiskPercent);
        }
    }
}
