package org.picu.jobs.publish;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow every job that publishes one dataset partition shares: take the partition lock, run the
 * MapReduce job into a fresh staging directory, write the manifest and rename staging into place
 * ({@link PartitionPublisher}), release the lock. A job only says how to configure itself and how to
 * read its counts.
 *
 * <p>Exit codes follow the {@code Tool} convention of every PICU job: 0 published, 1 the job failed,
 * its publish failed or another run holds the lock.
 */
public final class StagedJobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StagedJobRunner.class);

    /** Configures the job's mapper, reducer, formats and inputs; {@code staging} must become its output path. */
    @FunctionalInterface
    public interface JobSetup {
        void configure(Job job, Path staging) throws IOException;
    }

    /** What the manifest and the run summary report, taken from the finished job's counters. */
    public record Counts(long read, long written, long rejected, long duplicates) {
    }

    /** Reads {@link Counts} from a finished job. */
    @FunctionalInterface
    public interface CountsReader {
        Counts read(Counters counters) throws IOException;
    }

    private final Configuration conf;
    private final Clock clock;

    public StagedJobRunner(Configuration conf, Clock clock) {
        this.conf = conf;
        this.clock = clock;
    }

    /**
     * Settings every publishing job needs: speculative attempts off (tasks write side outputs such as
     * rejects, a duplicate attempt only wastes a Pi's CPU), the v1 committer (task output is committed by
     * rename and {@code _SUCCESS} is all we rely on), and no Parquet summary files (nothing reads them,
     * and writing them costs a footer read of every file at commit).
     */
    public static void applyPublishSettings(Configuration conf) {
        conf.setBoolean("mapreduce.map.speculative", false);
        conf.setBoolean("mapreduce.reduce.speculative", false);
        conf.setInt("mapreduce.fileoutputcommitter.algorithm.version", 1);
        conf.set("parquet.summary.metadata.level", "NONE");
    }

    /**
     * Runs {@code jobName} for {@code dataset}/{@code date} and publishes its output.
     *
     * @param inputs the input files the run reads, listed in the manifest by {@link #inputNames}
     * @return 0 published, 1 failed (nothing published, the previous partition left as it was)
     */
    public int run(String jobName, Dataset dataset, PartitionDate date, List<Path> inputs, JobSetup setup,
            CountsReader countsReader) throws IOException, InterruptedException, ClassNotFoundException {
        HdfsLayout layout = new HdfsLayout(conf.get(PublishConfigKeys.ROOT, PublishConfigKeys.ROOT_DEFAULT));
        FileSystem fs = new Path(layout.root()).getFileSystem(conf);
        String runId = RunIds.next(clock);
        long ttl = conf.getLong(PublishConfigKeys.LOCK_TTL_MS, PublishConfigKeys.LOCK_TTL_MS_DEFAULT);
        try (PartitionLock lock =
                PartitionLock.acquire(fs, new Path(layout.lockFile(dataset, date)), runId, ttl, clock)) {
            Path staging = fs.makeQualified(new Path(layout.stagingDir(dataset, date, runId)));
            Job job = Job.getInstance(conf, jobName + " " + date + " " + runId);
            applyPublishSettings(job.getConfiguration());
            setup.configure(job, staging);
            LOG.info("{} {}: run {} reads {} input files", jobName, date, runId, inputs.size());
            if (!job.waitForCompletion(true)) {
                LOG.error("{} {}: job {} failed: {}", jobName, date, job.getJobID(), job.getStatus().getFailureInfo());
                fs.delete(staging, true);
                return 1;
            }
            Counts counts = countsReader.read(job.getCounters());
            PartitionPublisher publisher = new PartitionPublisher(fs);
            PartitionManifest manifest = new PartitionManifest(dataset.dirName(), date.toString(), runId,
                    counts.written(), counts.rejected(), counts.duplicates(), publisher.dataFiles(staging),
                    inputNames(fs, layout, inputs), clock.instant());
            Path target = new Path(layout.cleanedDir(dataset, date));
            try {
                lock.verifyHeld();
            } catch (LockLostException e) {
                LOG.error("{} {}: {}", jobName, date, e.getMessage());
                fs.delete(staging, true);
                return 1;
            }
            publisher.publish(staging, target, manifest);
            System.out.printf("%s %s: read %d, written %d, rejected %d, duplicates %d -> %s%n", jobName, date,
                    counts.read(), counts.written(), counts.rejected(), counts.duplicates(), target);
            return 0;
        } catch (LockHeldException e) {
            LOG.error("{} {}: {}", jobName, date, e.getMessage());
            return 1;
        }
    }

    /**
     * The manifest's {@code input_files}: each input as its path below the PICU root, e.g.
     * {@code raw/upbit/20261121/upbit.w1.000000000001-000000000006.jsonl} or
     * {@code cleaned/market_ticks/20261122/part-r-00000.parquet}, so that the inputs of a derived partition
     * (Parquet files of several days, all named {@code part-r-*}) say which partition they came from. The
     * file name stays the last path element: the master's late-data check compares raw files by name. An
     * input outside the root (a test's or an operator's own path) is listed whole.
     */
    static List<String> inputNames(FileSystem fs, HdfsLayout layout, List<Path> inputs) {
        String root = fs.makeQualified(new Path(layout.root())).toUri().getPath();
        String prefix = root.endsWith("/") ? root : root + "/";
        return inputs.stream().map(input -> {
            String path = fs.makeQualified(input).toUri().getPath();
            return path.startsWith(prefix) ? path.substring(prefix.length()) : fs.makeQualified(input).toString();
        }).toList();
    }
}
