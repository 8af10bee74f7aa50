package org.picu.jobs.clean;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.picu.jobs.publish.LockHeldException;
import org.picu.jobs.publish.PartitionLock;
import org.picu.jobs.publish.PartitionPublisher;
import org.picu.jobs.publish.PublishConfigKeys;
import org.picu.jobs.publish.RunIds;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;
import org.picu.model.layout.RawFileName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code clean-market <YYYYMMDD>}: reads every raw market file of that day, validates and normalises
 * each record, keeps one record per (source, symbol, exchange timestamp), and publishes the result as
 * Parquet under {@code /cleaned/market_ticks/<YYYYMMDD>/}, with rejected lines and their reasons under
 * {@code _rejects/}.
 *
 * <p>Exit codes: 0 published (or nothing to do), 1 the job or the publish failed, 2 usage error.
 */
public class CleanMarketJob extends Configured implements Tool {
    public static final String NAME = "clean-market";
    private static final Logger LOG = LoggerFactory.getLogger(CleanMarketJob.class);
    private static final Dataset DATASET = Dataset.MARKET_TICKS;

    private final Clock clock;

    public CleanMarketJob() {
        this(Clock.systemUTC());
    }

    CleanMarketJob(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanMarketJob(), args));
    }

    @Override
    public int run(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: hadoop jar mapreduce-jobs.jar " + NAME + " [generic options] <YYYYMMDD>");
            ToolRunner.printGenericCommandUsage(System.err);
            return 2;
        }
        PartitionDate date;
        try {
            date = PartitionDate.parse(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println(NAME + ": " + e.getMessage());
            return 2;
        }
        Configuration conf = getConf();
        HdfsLayout layout = new HdfsLayout(conf.get(PublishConfigKeys.ROOT, PublishConfigKeys.ROOT_DEFAULT));
        FileSystem fs = new Path(layout.root()).getFileSystem(conf);

        List<Path> inputs = rawInputs(fs, layout, date, conf.getTrimmedStrings(CleanMarketConfigKeys.SOURCES,
                CleanMarketConfigKeys.SOURCES_DEFAULT));
        if (inputs.isEmpty()) {
            LOG.info("{} {}: no raw files, nothing to publish", NAME, date);
            return 0;
        }
        String runId = RunIds.next(clock);
        long ttl = conf.getLong(PublishConfigKeys.LOCK_TTL_MS, PublishConfigKeys.LOCK_TTL_MS_DEFAULT);
        try (PartitionLock lock = PartitionLock.acquire(fs, new Path(layout.lockFile(DATASET, date)), runId, ttl, clock)) {
            return runLocked(fs, layout, date, runId, inputs);
        } catch (LockHeldException e) {
            LOG.error("{} {}: {}", NAME, date, e.getMessage());
            return 1;
        }
    }

    private int runLocked(FileSystem fs, HdfsLayout layout, PartitionDate date, String runId, List<Path> inputs)
            throws IOException, InterruptedException, ClassNotFoundException {
        Path staging = fs.makeQualified(new Path(layout.stagingDir(DATASET, date, runId)));
        Job job = configure(Job.getInstance(getConf(), NAME + " " + date + " " + runId), inputs, staging);
        LOG.info("{} {}: run {} reads {} raw files", NAME, date, runId, inputs.size());
        if (!job.waitForCompletion(true)) {
            LOG.error("{} {}: job {} failed: {}", NAME, date, job.getJobID(), job.getStatus().getFailureInfo());
            fs.delete(staging, true);
            return 1;
        }
        Counters counters = job.getCounters();
        PartitionPublisher publisher = new PartitionPublisher(fs);
        PartitionManifest manifest = new PartitionManifest(DATASET.dirName(), date.toString(), runId,
                value(counters.findCounter(CleanCounters.RECORDS_WRITTEN)),
                value(counters.findCounter(CleanCounters.RECORDS_REJECTED)),
                value(counters.findCounter(CleanCounters.DUPLICATES_DROPPED)),
                publisher.dataFiles(staging), inputs.stream().map(Path::getName).toList(), clock.instant());
        publisher.publish(staging, new Path(layout.cleanedDir(DATASET, date)), manifest);
        System.out.printf("%s %s: read %d, written %d, rejected %d, duplicates %d -> %s%n", NAME, date,
                value(counters.findCounter(CleanCounters.RECORDS_READ)), manifest.recordCount(),
                manifest.rejectedCount(), manifest.duplicateCount(), layout.cleanedDir(DATASET, date));
        return 0;
    }

    private static long value(Counter counter) {
        return counter == null ? 0 : counter.getValue();
    }

    /** Complete raw files of the day; temporary upload names and foreign files are left out. */
    static List<Path> rawInputs(FileSystem fs, HdfsLayout layout, PartitionDate date, String[] sources) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (String source : sources) {
            Path dir = new Path(layout.rawDir(source, date));
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(dir, p -> RawFileName.matches(p.getName()))) {
                if (f.isFile()) {
                    inputs.add(f.getPath());
                }
            }
        }
        inputs.sort(null);
        return inputs;
    }

    private Job configure(Job job, List<Path> inputs, Path staging) throws IOException {
        Configuration conf = job.getConfiguration();
        // Tasks write side outputs (rejects): a speculative duplicate attempt would only waste a Pi's CPU.
        conf.setBoolean("mapreduce.map.speculative", false);
        conf.setBoolean("mapreduce.reduce.speculative", false);
        // v1 commits task output by rename into the job directory; with _SUCCESS that is all we rely on.
        conf.setInt("mapreduce.fileoutputcommitter.algorithm.version", 1);
        // Summary files (_metadata) cost a full footer read at commit and nothing reads them.
        conf.set("parquet.summary.metadata.level", "NONE");
        conf.setIfUnset(ParquetOutputFormat.BLOCK_SIZE, Integer.toString(
                conf.getInt(CleanMarketConfigKeys.PARQUET_BLOCK_SIZE, CleanMarketConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT)));

        // A submitter that names the job jar (the master, on YARN) keeps it; otherwise use the jar we run from.
        if (conf.get("mapreduce.job.jar") == null) {
            job.setJarByClass(CleanMarketJob.class);
        }
        job.setInputFormatClass(TextInputFormat.class);
        FileInputFormat.setInputPaths(job, inputs.toArray(Path[]::new));
        job.setMapperClass(CleanMarketMapper.class);
        job.setCombinerClass(CleanMarketCombiner.class);
        job.setReducerClass(CleanMarketReducer.class);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(Text.class);

        job.setOutputFormatClass(AvroParquetOutputFormat.class);
        AvroParquetOutputFormat.setSchema(job, DatasetSchemas.MARKET_TICK);
        ParquetOutputFormat.setCompression(job, CompressionCodecName.SNAPPY);
        job.setOutputKeyClass(Void.class);
        job.setOutputValueClass(org.apache.avro.generic.GenericRecord.class);
        FileOutputFormat.setOutputPath(job, staging);
        MultipleOutputs.addNamedOutput(job, CleanMarketMapper.REJECTS, TextOutputFormat.class, NullWritable.class, Text.class);
        return job;
    }
}
