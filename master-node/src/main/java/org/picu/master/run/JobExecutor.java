package org.picu.master.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.DatasetJob;
import org.picu.master.config.OrchestratorSettings.LocalJobs;
import org.picu.master.config.OrchestratorSettings.RetrySettings;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.master.plan.InputFingerprints;
import org.picu.master.plan.PartitionInspector;
import org.picu.master.registry.JobCatalog;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits one job for one day through {@code ToolRunner} (the same as {@code hadoop jar <jar> <job> <day>}),
 * retrying a failure with doubling, capped waits. A usage error (exit 2) is not retried: it cannot pass.
 */
final class JobExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecutor.class);
    private static final int USAGE_ERROR = 2;

    private final Configuration conf;
    private final JobCatalog catalog;
    private final PartitionInspector inspector;
    private final RetrySettings retry;
    private final String orchestratorId;
    private final Clock clock;
    private final Sleeper sleeper;
    private final JobPlacement placement;
    private final InputFingerprints fingerprints;

    JobExecutor(Configuration conf, JobCatalog catalog, PartitionInspector inspector, InputFingerprints fingerprints,
                RetrySettings retry, LocalJobs localJobs, String orchestratorId, Clock clock, Sleeper sleeper) {
        this.conf = conf;
        this.fingerprints = fingerprints;
        this.placement = new JobPlacement(localJobs);
        this.catalog = catalog;
        this.inspector = inspector;
        this.retry = retry;
        this.orchestratorId = orchestratorId;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    RunRecord execute(DatasetJob job, PartitionDate date, String runId, Mode mode)
            throws IOException, InterruptedException {
        Instant started = clock.instant();
        JobPlacement.Placed placed = placement.place(conf, inspector.inputSize(job, date, conf), mode);
        LOG.info("{} {}: running on {}", job.jobName(), date, placed.where());
        // taken before the job reads them: if an upstream partition changes meanwhile, the next cycle sees a difference
        Map<String, String> inputs = job.readsRaw() ? Map.of() : fingerprints.window(job, date);
        String failure = null;
        int attempt = 0;
        while (attempt < retry.maxAttempts()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopping: " + job.jobName() + " " + date + " not started again");
            }
            attempt++;
            if (attempt > 1) {
                Duration wait = retry.backoffBefore(attempt);
                LOG.warn("{} {}: attempt {} failed ({}); retrying in {} s", job.jobName(), date, attempt - 1, failure,
                        wait.toSeconds());
                sleeper.sleep(wait);
            }
            int code;
            try {
                code = ToolRunner.run(new Configuration(placed.conf()), newTool(job), new String[] {date.toString()});
                failure = code == 0 ? null : "exit code " + code;
            } catch (InterruptedException e) {
                throw e;
            } catch (InterruptedIOException e) {
                // Hadoop's client turns an interrupt while it waits for the job into this; the orchestrator is
                // stopping, so no retry may start another job.
                throw (InterruptedException)
                        new InterruptedException(job.jobName() + " " + date + " interrupted").initCause(e);
            } catch (Exception e) {
                // A job that throws (cluster unreachable, bad input path) is a failed attempt, not a crash.
                code = -1;
                failure = e.toString();
            }
            if (code == 0) {
                return succeeded(job, date, runId, started, attempt, inputs);
            }
            if (code == USAGE_ERROR) {
                failure = "usage error (exit 2); the job rejected its arguments, retrying cannot help";
                break;
            }
        }
        return new RunRecord(job.dataset().dirName(), date.toString(), runId, job.jobName(), orchestratorId,
                RunState.FAILED, attempt, started, Duration.between(started, clock.instant()), Map.of(), null, failure);
    }

    private Tool newTool(DatasetJob job) {
        return catalog.newTool(job.jobName()).orElseThrow(() -> new IllegalStateException(
                "job " + job.jobName() + " is not in the job jar"));
    }

    private RunRecord succeeded(DatasetJob job, PartitionDate date, String runId, Instant started, int attempts,
                                Map<String, String> inputs) throws IOException {
        Optional<PartitionManifest> manifest = inspector.manifest(job.dataset(), date);
        Map<String, Long> counters = manifest.map(m -> Map.of("records", m.recordCount(), "rejected", m.rejectedCount(),
                "duplicates", m.duplicateCount(), "input_files", (long) m.inputFiles().size())).orElse(Map.of());
        return new RunRecord(job.dataset().dirName(), date.toString(), runId, job.jobName(), orchestratorId,
                RunState.SUCCEEDED, attempts, started, Duration.between(started, clock.instant()), counters,
                manifest.map(PartitionManifest::runId).orElse(null),
                manifest.isPresent() ? null : "the job published nothing (no input)", inputs);
    }
}
