package org.picu.worker;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.SpoolBacklog;
import org.picu.worker.spool.SpoolDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status --config <file>}: the spool backlog per date, the oldest unshipped file, last success per source. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the local spool: files waiting for upload per date, files being written, the oldest"
                + " unshipped file and the last successful crawl of each source. Reads only local files.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "<file>", description = "The worker's YAML config file.")
    Path config;

    @Override
    public Integer call() throws Exception {
        WorkerConfig worker = WorkerConfigLoader.load(config);
        SpoolDirectory spool = new SpoolDirectory(worker.spool().dir());
        SpoolBacklog backlog = SpoolBacklog.of(spool);
        Map<String, java.time.Instant> last = new CrawlLedger(spool.root()).lastSuccess();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("worker %s, spool %s%n", worker.workerId(), spool.root());
        out.printf("backlog: %d files, %d bytes waiting for upload; %d files (%d bytes) being written; cap %d bytes%n",
                backlog.pendingFiles(), backlog.pendingBytes(), backlog.writingFiles(), backlog.writingBytes(),
                worker.spool().maxBytes());
        backlog.pendingByDate().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.printf("  %s: %d files, %d bytes%n", e.getKey(), e.getValue().files(), e.getValue().bytes()));
        out.println("oldest unshipped: " + backlog.oldestPending().map(p -> spool.root().relativize(p).toString())
                .orElse("none"));
        if (last.isEmpty()) {
            out.println("last success: none recorded");
        }
        last.forEach((source, at) -> out.printf("last success %s: %s%n", source, at));
        return 0;
    }
}
