package org.picu.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final String SOURCE = "upbit";

    private final Path workDir;
    private final URI storage;
    private final Map<String, String> hadoopProperties;
    private final Path workerConfig;
    private final Path masterConfig;

    /**
     * @param workDir where configs, the spool and (in standalone mode) raw and cleaned data go
     * @param storage the file system holding the layout: {@code hdfs://host:port/} or a {@code file:} directory
     * @param replayBaseUrl base URL of the (replayed) Upbit API
     */
    public LocalPipeline(Path workDir, URI storage, String replayBaseUrl) {
        this.workDir = workDir.toAbsolutePath();
        this.storage = storage;
        this.hadoopProperties = new LinkedHashMap<>();
        hadoopProperties.put("fs.defaultFS", storage.getScheme() + "://" + (storage.getAuthority() == null ? "" : storage.getAuthority()) + "/");
        // Hadoop otherwise writes job staging and local task files under /tmp/hadoop-<user>.
        hadoopProperties.put("hadoop.tmp.dir", this.workDir.resolve("hadoop-tmp").toString());
        hadoopProperties.put("mapreduce.jobtracker.staging.root.dir", this.workDir.resolve("hadoop-tmp/staging").toString());
        hadoopProperties.put("mapreduce.client.completion.pollinterval", "200");
        try {
            Path conf = Files.createDirectories(this.workDir.resolve("conf"));
            workerConfig = Files.writeString(conf.resolve("worker.yml"), workerYaml(replayBaseUrl));
            masterConfig = Files.writeString(conf.resolve("master.yml"), masterYaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HDFS layout root every stage uses. */
    public String layoutRoot() {
        return storage.toString();
    }

    /** One crawl of the source into the spool, then one upload of the spool. */
    public void crawlAndUpload() {
        check("worker crawl", WorkerMain.run("crawl", SOURCE, "--config", workerConfig.toString()));
        check("worker upload", WorkerMain.run("upload", "--config", workerConfig.toString()));
    }

    /** Runs the master's jobs for every day that has raw files. */
    public List<PartitionDate> runJobs() throws IOException {
        List<PartitionDate> days = rawDays();
        for (PartitionDate day : days) {
            check("master run-date " + day, MasterMain.run("run-date", day.toString(), "--config", masterConfig.toString()));
        }
        return days;
    }

    /** Tier-2 configuration for this pipeline; the caller picks the database and HTTP port. */
    public String tier2Yaml(String databaseYaml, int httpPort) {
        return databaseYaml + """
                hdfs:
                  uri: %s
                  root: /
                http:
                  bind: 127.0.0.1
                  port: %d
                load:
                  batch-size: 1000
                """.formatted(storage, httpPort);
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
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(new HdfsLayout(layoutRoot()).rawSourceDir(SOURCE));
            if (fs.exists(dir)) {
                for (FileStatus status : fs.listStatus(dir)) {
                    days.add(PartitionDate.parse(status.getPath().getName()));
                }
            }
        }
        days.sort(null);
        return days;
    }

    private String workerYaml(String replayBaseUrl) {
        return """
                worker:
                  id: local-worker
                spool:
                  dir: %s
                hdfs:
                  uri: %s
                  root: /
                fetch:
                  host-delay: PT0.2S
                sources:
                  upbit:
                    base-url: %s
                """.formatted(workDir.resolve("spool"), storage, replayBaseUrl);
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
