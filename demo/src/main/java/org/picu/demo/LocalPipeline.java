package org.picu.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.picu.master.MasterMain;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.tier2.Tier2Service;
import org.picu.tier2.config.Tier2Config;
import org.picu.worker.WorkerMain;

/**
 * Drives every deployable through its own public entry point (the worker's and master's command lines,
 * tier-2 as a service), exactly as separate processes on a cluster would be driven, but in one JVM.
 *
 * <p>Each stage gets the configuration file an operator would write; they are generated under
 * {@code <work-dir>/conf/} so that a run can be inspected and repeated by hand.
 */
public final class LocalPipeline {
    private final Path workDir;
    private final List<String> sources;
    private final URI storage;
    private final Map<String, String> hadoopProperties;
    private final Path workerConfig;
    private final Path masterConfig;
    private final Duration rollAge;

    /**
     * @param workDir where configs, the spool and (in standalone mode) raw and cleaned data go
     * @param storage the file system holding the layout: {@code hdfs://host:port/} or a {@code file:} directory
     * @param replayBaseUrl base URL of the (replayed) Upbit API
     */
    public LocalPipeline(Path workDir, URI storage, String replayBaseUrl) {
        this(workDir, storage, List.of("upbit"), """
            fetch:
              host-delay: PT0.2S
            sources:
              upbit:
                base-url: %s
            """.formatted(replayBaseUrl), "", Map.of(), Duration.ofMinutes(1));
    }

    /**
     * @param sources the sources crawled and read back (raw directories)
     * @param workerSettings the worker's YAML after its {@code worker}, {@code spool} and {@code hdfs} sections
     *     ({@code fetch}, {@code sources}, and for the daemon {@code upload}, {@code schedules}, {@code assignments})
     * @param masterSettings the master's YAML after its {@code hadoop} and {@code layout} sections, e.g.
     *     {@code orchestrator}
     * @param jobProperties Hadoop properties for the jobs besides the local ones, e.g. {@code picu.clean-news.sources}
     * @param rollAge the worker's spool roll age: how soon what the daemon crawls can be uploaded
     */
    public LocalPipeline(Path workDir, URI storage, List<String> sources, String workerSettings, String masterSettings,
            Map<String, String> jobProperties, Duration rollAge) {
        this.workDir = workDir.toAbsolutePath();
        this.rollAge = rollAge;
        this.sources = List.copyOf(sources);
        this.storage = storage;
        this.hadoopProperties = new LinkedHashMap<>();
        hadoopProperties.put(
                "fs.defaultFS",
                storage.getScheme() + "://" + (storage.getAuthority() == null ? "" : storage.getAuthority()) + "/");
        // Hadoop otherwise writes job staging and local task files under /tmp/hadoop-<user>.
        hadoopProperties.put("hadoop.tmp.dir", this.workDir.resolve("hadoop-tmp").toString());
        hadoopProperties.put(
                "mapreduce.jobtracker.staging.root.dir",
                this.workDir.resolve("hadoop-tmp/staging").toString());
        hadoopProperties.put("mapreduce.client.completion.pollinterval", "200");
        hadoopProperties.putAll(jobProperties);
        try {
            Path conf = Files.createDirectories(this.workDir.resolve("conf"));
            workerConfig = Files.writeString(conf.resolve("worker.yml"), workerYaml(workerSettings));
            masterConfig = Files.writeString(conf.resolve("master.yml"), masterYaml() + masterSettings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HDFS layout root every stage uses. */
    public String layoutRoot() {
        return storage.toString();
    }

    /** One crawl of each source into the spool, then one upload of the spool. */
    public void crawlAndUpload() {
        for (String source : sources) {
            check("worker crawl " + source, WorkerMain.run("crawl", source, "--config", workerConfig.toString()));
        }
        upload();
    }

    /** The worker's {@code upload} command: every complete spool file to the raw directories. */
    public void upload() {
        check("worker upload", WorkerMain.run("upload", "--config", workerConfig.toString()));
    }

    /** The master's {@code cycle} command: every out-of-date partition within the look-back days. */
    public void cycle() {
        check("master cycle", MasterMain.run("cycle", "--config", masterConfig.toString()));
    }

    /** The worker's configuration file. */
    public Path workerConfig() {
        return workerConfig;
    }

    /** The master's configuration file. */
    public Path masterConfig() {
        return masterConfig;
    }

    /** Runs the master's jobs for every day that has raw files of the pipeline's sources. */
    public List<PartitionDate> runJobs() throws IOException {
        List<PartitionDate> days = rawDays();
        for (PartitionDate day : days) {
            check(
                    "master run-date " + day,
                    MasterMain.run("run-date", day.toString(), "--config", masterConfig.toString()));
        }
        return days;
    }

    /** Tier-2 configuration for this pipeline; the caller picks the database and HTTP port. */
    public String tier2Yaml(String databaseYaml, int httpPort) {
        return tier2Yaml(databaseYaml, httpPort, null);
    }

    /** The same, loading new partitions every {@code loadInterval} while serving (none: only when asked). */
    public String tier2Yaml(String databaseYaml, int httpPort, Duration loadInterval) {
        return databaseYaml
                + """
                hdfs:
                  uri: %s
                  root: /
                http:
                  bind: 127.0.0.1
                  port: %d
                load:
                  batch-size: 1000
                """.formatted(storage, httpPort)
                + (loadInterval == null ? "" : "  interval: " + loadInterval + "\n");
    }

    /** Opens tier-2 with a configuration written next to the others. */
    public Tier2Service openTier2(String tier2Yaml) throws IOException {
        Path file = Files.writeString(workDir.resolve("conf/tier2.yml"), tier2Yaml);
        return Tier2Service.open(Tier2Config.load(file), hadoopConf());
    }

    /** Hadoop settings that keep Hadoop's own scratch files inside the work directory. */
    public Configuration hadoopConf() {
        Configuration conf = new Configuration();
        hadoopProperties.forEach(conf::set);
        return conf;
    }

    /** How many partitions are published now (each has a manifest), over every dataset and day. */
    public int publishedPartitionCount() throws IOException {
        try (FileSystem fs = FileSystem.newInstance(storage, hadoopConf())) {
            FileStatus[] manifests = fs.globStatus(new org.apache.hadoop.fs.Path(
                    new HdfsLayout(layoutRoot()).root() + "cleaned/*/*/" + HdfsLayout.MANIFEST_NAME));
            return manifests == null ? 0 : manifests.length;
        }
    }

    private List<PartitionDate> rawDays() throws IOException {
        List<PartitionDate> days = new ArrayList<>();
        try (FileSystem fs = FileSystem.newInstance(storage, hadoopConf())) {
            for (String source : sources) {
                org.apache.hadoop.fs.Path dir =
                        new org.apache.hadoop.fs.Path(new HdfsLayout(layoutRoot()).rawSourceDir(source));
                if (fs.exists(dir)) {
                    for (FileStatus status : fs.listStatus(dir)) {
                        PartitionDate day = PartitionDate.parse(status.getPath().getName());
                        if (!days.contains(day)) {
                            days.add(day);
                        }
                    }
                }
            }
        }
        days.sort(null);
        return days;
    }

    private String workerYaml(String settings) {
        return """
            worker:
              id: local-worker
            spool:
              dir: %s
              # short, so that what the daemon crawls reaches HDFS soon
              roll-age: %s
            hdfs:
              uri: %s
              root: /
            """.formatted(workDir.resolve("spool"), rollAge, storage) + settings;
    }

    private String masterYaml() {
        StringBuilder yaml = new StringBuilder("hadoop:\n  properties:\n");
        hadoopProperties.forEach((k, v) -> yaml.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        yaml.append("layout:\n  root: ").append(layoutRoot()).append('\n');
        return yaml.toString();
    }

    private static void check(String step, int exitCode) {
        if (exitCode != 0) {
            throw new PipelineStepException(step, exitCode);
        }
    }
}
