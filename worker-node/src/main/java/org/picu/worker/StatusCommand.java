package org.picu.worker;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.picu.model.layout.SourceRuns;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.CrawlRunRecord;
import org.picu.worker.spool.SpoolBacklog;
import org.picu.worker.spool.SpoolDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status --config <file>}: the spool backlog per date, the oldest unshipped file, and per source its last
 * success, records and rejects by reason of its newest runs and its newest failure with the reason.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the local spool: files waiting for upload per date, files being written, the oldest"
            + " unshipped file and, per source, the last successful crawl, records and rejects by reason of the newest"
            + " runs and the newest failure with its reason (blocked_by_challenge, layout_changed, http_418, ...)."
            + " Reads only local files.")
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
        CrawlLedger ledger = new CrawlLedger(spool.root());
        Map<String, Instant> last = ledger.lastSuccess();
        Map<String, List<CrawlRunRecord>> runs = ledger.recentRuns();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("worker %s, spool %s%n", worker.workerId(), spool.root());
        out.printf("backlog: %d files, %d bytes waiting for upload; %d files (%d bytes) being written; cap %d bytes%n",
                backlog.pendingFiles(), backlog.pendingBytes(), backlog.writingFiles(), backlog.writingBytes(),
                worker.spool().maxBytes());
        backlog.pendingByDate().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.printf("  %s: %d files, %d bytes%n", e.getKey(), e.getValue().files(), e.getValue().bytes()));
        out.println("oldest unshipped: " + backlog.oldestPending().map(p -> spool.root().relativize(p).toString())
                .orElse("none"));
        Set<String> sources = new TreeSet<>(last.keySet());
        sources.addAll(runs.keySet());
        if (sources.isEmpty()) {
            out.println("sources: no crawl run recorded");
        } else {
            out.printf("sources (newest %d runs each):%n", CrawlLedger.KEPT_RUNS);
        }
        for (String source : sources) {
            out.println("  " + source + ": " + describe(last.get(source), runs.getOrDefault(source, List.of())));
        }
        return 0;
    }

    /** One source's line: last success, then its kept runs, then its newest failure with the error's text. */
    static String describe(Instant lastSuccess, List<CrawlRunRecord> runs) {
        StringBuilder line = new StringBuilder("last success ").append(lastSuccess == null ? "never" : lastSuccess);
        if (runs.isEmpty()) {
            return line.toString();
        }
        SourceRuns summary = CrawlRunRecord.summarise(runs);
        line.append("; ").append(summary.runs()).append(summary.runs() == 1 ? " run, " : " runs, ")
                .append(summary.failedRuns()).append(" failed, ").append(summary.records()).append(" records, ");
        if (summary.rejects().isEmpty()) {
            line.append("no rejects");
        } else {
            line.append("rejects ").append(summary.rejectsByReason().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }
        line.append("; last run ").append(summary.lastRunAt()).append(' ').append(summary.lastOutcome());
        for (int i = runs.size() - 1; i >= 0; i--) {
            CrawlRunRecord run = runs.get(i);
            if (run.failed()) {
                line.append("; last failure ").append(run.endedAt()).append(' ').append(run.failureReason());
                if (run.failureDetail() != null) {
                    line.append(" (").append(run.failureDetail().replaceAll("\\s+", " ")).append(')');
                }
                break;
            }
        }
        return line.toString();
    }
}
