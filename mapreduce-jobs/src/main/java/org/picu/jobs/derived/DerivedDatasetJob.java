package org.picu.jobs.derived;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.avro.GenericDataSupplier;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.picu.jobs.publish.ParquetRowsOutputFormat;
import org.picu.jobs.publish.PublishConfigKeys;
import org.picu.jobs.publish.StagedJobRunner;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of a job that derives one dataset partition from published Parquet partitions
 * ({@code candles-1h}, {@code indicators}, {@code sentiment}, {@code insights}): argument parsing and
 * configuration checks (exit 2), the input listing, Parquet in and out (generic Avro records, Snappy,
 * Pi-sized row groups); the lock, staging directory, publish settings, manifest and rename are
 * {@link StagedJobRunner}'s, exactly as for the cleaning jobs. A subclass names its inputs and configures
 * its mapper and reducer.
 *
 * <p>Exit codes: 0 published (or no input, nothing to do), 1 the job or the publish failed, 2 usage error.
 */
public abstract class DerivedDatasetJob extends Configured implements Tool {
    /** Row group size shared by the derived datasets; their rows are small, so 32 MB fits any Pi heap. */
    public static final String PARQUET_BLOCK_SIZE = "picu.analytics.parquet.block-size";
    public static final int PARQUET_BLOCK_SIZE_DEFAULT = 32 * 1024 * 1024;

    /**
     * Input per map task when small files are combined: a day of derived data is a few megabytes, so one
     * task usually reads them all; at most one 32 MB row group per file is in memory at a time.
     */
    private static final long COMBINED_SPLIT_BYTES = 128L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DerivedDatasetJob.class);

    protected final Clock clock;

    protected DerivedDatasetJob(Clock clock) {
        this.clock = clock;
    }

    /** The job name on the command line, e.g. {@code candles-1h}. */
    protected abstract String name();

    /** The dataset this job publishes. */
    protected abstract Dataset output();

    /** The Avro schema of the published rows. */
    protected abstract Schema outputSchema();

    /**
     * Checks the job's own configuration before anything runs.
     *
     * @return problems, each saying how to fix it; empty when the configuration is usable
     */
    protected List<String> validate(Configuration conf) {
        return List.of();
    }

    /** The Parquet files to read; empty means there is nothing to derive for that day. */
    protected abstract List<Path> inputs(FileSystem fs, HdfsLayout layout, PartitionDate date) throws IOException;

    /** Sets mapper, reducer and map output types; input and output formats are already set. */
    protected abstract void configureTasks(Job job, PartitionDate date) throws IOException;

    @Override
    public final int run(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: hadoop jar mapreduce-jobs.jar " + name() + " [generic options] <YYYYMMDD>");
            ToolRunner.printGenericCommandUsage(System.err);
            return 2;
        }
        PartitionDate date;
        try {
            date = PartitionDate.parse(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println(name() + ": " + e.getMessage());
            return 2;
        }
        Configuration conf = getConf();
        List<String> problems = validate(conf);
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println(name() + ": " + p));
            return 2;
        }
        HdfsLayout layout = new HdfsLayout(conf.get(PublishConfigKeys.ROOT, PublishConfigKeys.ROOT_DEFAULT));
        FileSystem fs = new Path(layout.root()).getFileSystem(conf);
        List<Path> inputs = inputs(fs, layout, date);
        if (inputs.isEmpty()) {
            LOG.info("{} {}: no input partitions, nothing to publish", name(), date);
            return 0;
        }
        return new StagedJobRunner(conf, clock).run(name(), output(), date, inputs,
                (job, staging) -> configure(job, inputs, staging, date),
                counters -> new StagedJobRunner.Counts(value(counters.findCounter(AnalyticsCounters.RECORDS_READ)),
                        value(counters.findCounter(AnalyticsCounters.RECORDS_WRITTEN)),
                        value(counters.findCounter(AnalyticsCounters.RECORDS_SKIPPED)), 0));
    }

    private static long value(Counter counter) {
        return counter == null ? 0 : counter.getValue();
    }

    private void configure(Job job, List<Path> inputs, Path staging, PartitionDate date) throws IOException {
        Configuration conf = job.getConfiguration();
        // Speculation off, v1 committer, no summary files: StagedJobRunner.applyPublishSettings has set them.
        conf.setIfUnset(ParquetOutputFormat.BLOCK_SIZE,
                Integer.toString(conf.getInt(PARQUET_BLOCK_SIZE, PARQUET_BLOCK_SIZE_DEFAULT)));
        if (conf.get("mapreduce.job.jar") == null) {
            job.setJarByClass(getClass());
        }
        job.setInputFormatClass(CombinedParquetInputFormat.class);
        // Small published files share a map task, up to this much input per task.
        conf.setIfUnset(FileInputFormat.SPLIT_MAXSIZE, Long.toString(COMBINED_SPLIT_BYTES));
        // The model has no generated classes; read every file with its own schema as generic records.
        AvroReadSupport.setAvroDataSupplier(conf, GenericDataSupplier.class);
        FileInputFormat.setInputPaths(job, inputs.toArray(Path[]::new));

        job.setOutputFormatClass(ParquetRowsOutputFormat.class);
        ParquetOutputFormat.setWriteSupportClass(job, AvroWriteSupport.class);
        AvroParquetOutputFormat.setSchema(job, outputSchema());
        ParquetOutputFormat.setCompression(job, CompressionCodecName.SNAPPY);
        job.setOutputKeyClass(Void.class);
        job.setOutputValueClass(GenericRecord.class);
        FileOutputFormat.setOutputPath(job, staging);
        configureTasks(job, date);
    }

    /**
     * The Parquet files of a published partition ({@code _SUCCESS} present), sorted; empty when the
     * partition is not published.
     */
    public static List<Path> publishedFiles(FileSystem fs, HdfsLayout layout, Dataset dataset, PartitionDate date)
            throws IOException {
        Path dir = new Path(layout.cleanedDir(dataset, date));
        List<Path> files = new ArrayList<>();
        if (!fs.exists(new Path(dir, HdfsLayout.SUCCESS_NAME))) {
            return files;
        }
        for (FileStatus f : fs.listStatus(dir, p -> p.getName().endsWith(".parquet"))) {
            files.add(f.getPath());
        }
        files.sort(null);
        return files;
    }

    /** Counts a row that was read but not used, with its reason. */
    public static void skip(org.apache.hadoop.mapreduce.TaskInputOutputContext<?, ?, ?, ?> context, String reason) {
        context.getCounter(AnalyticsCounters.RECORDS_SKIPPED).increment(1);
        context.getCounter(AnalyticsCounters.SKIPPED_BY_REASON, reason).increment(1);
    }
}
