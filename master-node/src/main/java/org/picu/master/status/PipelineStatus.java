package org.picu.master.status;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.picu.jobs.DatasetJob;
import org.picu.master.ledger.RunLedger;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.master.plan.PartitionInspector;
import org.picu.master.registry.JobCatalog;
import org.picu.master.registry.JobRegistry;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.WorkerHeartbeat;

/** Gathers and prints {@code status}: datasets from the layout and the ledger, workers from their heartbeats. */
public final class PipelineStatus {
    /** How many partition days of ledger records count as "recent" for failures. */
    private static final int RECENT_DAYS = 7;

    private final FileSystem fs;
    private final HdfsLayout layout;
    private final JobRegistry registry;
    private final JobCatalog catalog;

    public PipelineStatus(FileSystem fs, HdfsLayout layout, JobRegistry registry, JobCatalog catalog) {
        this.fs = fs;
        this.layout = layout;
        this.registry = registry;
        this.catalog = catalog;
    }

    public List<DatasetStatus> datasets() throws IOException {
        PartitionInspector inspector = new PartitionInspector(fs, layout);
        RunLedger ledger = new RunLedger(fs, layout);
        List<DatasetStatus> result = new ArrayList<>();
        for (DatasetJob job : registry.jobs()) {
            Optional<PartitionDate> published = last(inspector.publishedDates(job.dataset()));
            Optional<PartitionDate> input = Optional.empty();
            if (job.readsRaw()) {
                // the sources the job reads: the file system's configuration is the master's, which the jobs get too
                input = last(inspector.rawDates(job.rawSources(fs.getConf())));
            } else {
                for (var up : job.upstream()) {
                    Optional<PartitionDate> upDate = last(inspector.publishedDates(up));
                    if (upDate.isPresent() && (input.isEmpty() || upDate.get().compareTo(input.get()) > 0)) {
                        input = upDate;
                    }
                }
            }
            long lag = input.map(in -> published.map(p -> Math.max(0, ChronoUnit.DAYS.between(p.day(), in.day())))
                    .orElse(DatasetStatus.NEVER_PUBLISHED)).orElse(0L);
            List<RunRecord> failures = ledger.recentRuns(job.dataset(), RECENT_DAYS).stream()
                    .filter(r -> r.state() == RunState.FAILED).toList();
            result.add(new DatasetStatus(job.dataset().dirName(), job.jobName(), catalog.has(job.jobName()), published,
                    input, lag, failures.size(), failures.isEmpty() ? Optional.empty()
                            : Optional.of(failures.get(failures.size() - 1))));
        }
        return result;
    }

    public List<WorkerHeartbeat> workers() throws IOException {
        return Heartbeats.read(fs, layout);
    }

    /** The human-readable report. */
    public void print(PrintStream out, Instant now) throws IOException {
        out.println("DATASET          JOB               LAST PUBLISHED  NEWEST INPUT  LAG(d)  FAILURES(7d)  NOTE");
        for (DatasetStatus s : datasets()) {
            String note = !s.available() ? "job not in the installed job jar"
                    : s.lastFailure().map(f -> "last failure " + f.date() + ": " + f.message()).orElse("");
            out.printf(
                    "%-16s %-17s %-15s %-13s %6s  %12d  %s%n",
                    s.dataset(),
                    s.job(),
                    s.lastPublished().map(Object::toString).orElse("-"),
                    s.newestInput().map(Object::toString).orElse("-"),
                    s.lagDays() == DatasetStatus.NEVER_PUBLISHED ? "never" : Long.toString(s.lagDays()),
                    s.recentFailures(),
                    note);
        }
        List<WorkerHeartbeat> workers = workers();
        out.println();
        out.println("WORKER           LAST UPLOAD            HEARTBEAT AGE  BACKLOG FILES  BACKLOG BYTES  OLDEST"
                + " UNSHIPPED");
        if (workers.isEmpty()) {
            out.println("(no heartbeat files in " + layout.heartbeatDir() + ")");
        }
        for (WorkerHeartbeat w : workers) {
            out.printf("%-16s %-22s %13s  %13d  %13d  %s%n", w.workerId(),
                    w.lastUploadAt() == null ? "never" : w.lastUploadAt().truncatedTo(ChronoUnit.SECONDS),
                    age(Duration.between(w.writtenAt(), now)), w.backlogFiles(), w.backlogBytes(),
                    w.oldestUnshipped() == null ? "-" : w.oldestUnshipped());
        }
    }

    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }

    private static Optional<PartitionDate> last(List<PartitionDate> dates) {
        return dates.isEmpty() ? Optional.empty() : Optional.of(dates.get(dates.size() - 1));
    }
}
