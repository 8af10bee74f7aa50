package org.picu.worker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.layout.HdfsLayout;
import org.picu.worker.config.ConfigException;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.daemon.CronSchedule;
import org.picu.worker.daemon.WorkerDaemon;
import org.picu.worker.metrics.WorkerMetricsEndpoint;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.Spiders;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.upload.HadoopFileSystems;
import org.picu.worker.upload.HdfsUploader;
import org.picu.worker.upload.HeartbeatWriter;
import org.picu.worker.upload.UploadLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daemon --config <file>}: the per-source cron schedules plus the uploader, until stopped. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Runs the sources assigned to this worker (assignments.<worker.id>) on their cron schedules"
                + " (schedules.<source>, UTC) and uploads complete spool files continuously beside them."
                + " Stops on SIGTERM, rolling open spool files first.")
final class DaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "<file>", description = "The worker's YAML config file.")
    Path config;

    @Option(names = "--duration", paramLabel = "<ISO-8601>",
            description = "Stop after this long, e.g. PT10M (for benchmarks); default: run until stopped.")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        WorkerConfig worker = WorkerConfigLoader.load(config);
        Map<String, Spider> spiders = new LinkedHashMap<>();
        Map<String, CronSchedule> schedules = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> assigned = worker.schedule().sourcesOf(worker.workerId());
        if (assigned.isEmpty()) {
            problems.add("assignments." + worker.workerId() + " lists no source for this worker; add e.g."
                    + " 'assignments: {" + worker.workerId() + ": [upbit]}' and 'schedules: {upbit: \"*/5 * * * *\"}'");
        }
        for (String source : assigned) {
            Spiders.create(source, worker).ifPresentOrElse(s -> spiders.put(source, s),
                    () -> problems.add("assignments." + worker.workerId() + " names '" + source
                            + "', which is not a source; known: " + String.join(", ", Spiders.names(worker))));
            schedules.put(source, CronSchedule.parse(worker.schedule().cron().get(source)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(config.toAbsolutePath().normalize(), problems);
        }
        SpoolDirectory spool = new SpoolDirectory(worker.spool().dir());
        try (FileSystem fs = HadoopFileSystems.open(worker.hdfs(), HadoopFileSystems.configuration(worker.hdfs()));
             WorkerMetricsEndpoint metrics = WorkerMetricsEndpoint.start(worker, spool, spiders.keySet())) {
            HdfsLayout layout = new HdfsLayout(worker.hdfs().layoutRoot());
            UploadLoop uploads = new UploadLoop(spool, new HdfsUploader(fs, layout), new HeartbeatWriter(fs, layout),
                    worker.workerId(), worker.upload(), Clock.systemUTC()).reportTo(metrics.uploads());
            WorkerDaemon daemon = new WorkerDaemon(worker, spiders, schedules, uploads, Clock.systemUTC(),
                    metrics.crawls());
            Thread hook = new Thread(() -> {
                daemon.stop();
                try {
                    daemon.awaitStopped(Duration.ofSeconds(90));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "daemon-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            daemon.run(duration);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and waits for us
            }
        }
        spec.commandLine().getOut().println("daemon: stopped");
        return 0;
    }
}
