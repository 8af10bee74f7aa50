package org.picu.jobs.clean.io;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.CombineTextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.picu.jobs.clean.CleanCounters;
import org.picu.jobs.clean.RawInputs;
import org.picu.jobs.publish.ParquetRowsOutputFormat;
import org.picu.jobs.publish.PublishConfigKeys;
import org.picu.jobs.publish.RunIds;
import org.picu.jobs.publish.StagedJobRunner;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code clean-<dataset> <YYYYMMDD>}: the driver every cleaning job shares; a dataset gives its
 * {@link CleaningSpec} (name, keys, {@link CleaningRules}). It lists the day's raw files
 * of the dataset's sources (all of them at run time, so late files are included), collects the keys the
 * previous days already published, runs mapper / combiner / reducer into staging and publishes the
 * Parquet partition with its rejects and manifest.
 *
 * <p>Exit codes: 0 published (or no raw files, nothing to do), 1 the job or the publish failed, 2 usage.
 */
public abstract class CleaningJob extends Configured implements Tool {
    private static final Logger LOG = LoggerFactory.getLogger(CleaningJob.class);
    /** Raw input per map task: small files are packed together, large ones cut at this size. */
    private static final long COMBINED_SPLIT_BYTES = 128L * 1024 * 1024;
    /** The files Hadoop reads its own defaults from: a value from them is not a setting of this job's. */
    private static final Set<String> HADOOP_DEFAULTS = Set.of("core-default.xml", "mapred-default.xml");
    /**
     * The share of the reducer's shuffle memory whose map output stays in memory while it reduces. Hadoop's default,
     * 0, writes every shuffled map output to the reducer's disk and reads it back before the first key. Half of a Pi
     * reducer's shuffle memory is ~215 MB of its 614 MB heap, which held the whole shuffle memory (~430 MB) a moment
     * before, next to 32 MB row groups; what does not fit goes to disk as before.
     */
    static final String REDUCE_INPUT_BUFFER_SHARE = "0.5";

    private final Clock clock;
    private final CleaningSpec spec;
    private final CleaningRules rules;

    protected CleaningJob(Clock clock, CleaningSpec spec) {
        this.clock = clock;
        this.spec = spec;
        this.rules = ReflectionUtils.newInstance(spec.rules(), null);
    }

    /** The rules of the job whose configuration this is: a new instance, for one task. */
    static CleaningRules rules(Configuration conf) {
        Class<? extends CleaningRules> type = conf.getClass(CleaningConfigKeys.RULES, null, CleaningRules.class);
        if (type == null) {
            throw new IllegalStateException(CleaningConfigKeys.RULES + " is not set: not a cleaning job's task");
        }
        return ReflectionUtils.newInstance(type, null);
    }

    @Override
    public int run(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: hadoop jar mapreduce-jobs.jar " + spec.name() + " [generic options] <YYYYMMDD>");
            ToolRunner.printGenericCommandUsage(System.err);
            return 2;
        }
        PartitionDate date;
        try {
            date = PartitionDate.parse(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println(spec.name() + ": " + e.getMessage());
            return 2;
        }
        Configuration conf = getConf();
        HdfsLayout layout = new HdfsLayout(conf.get(PublishConfigKeys.ROOT, PublishConfigKeys.ROOT_DEFAULT));
        FileSystem fs = new Path(layout.root()).getFileSystem(conf);
        List<FileStatus> listing = RawInputs.list(fs, layout, date, spec.keys().sources(conf));
        List<Path> inputs = listing.stream().map(FileStatus::getPath).toList();
        long inputBytes = listing.stream().mapToLong(FileStatus::getLen).sum();
        if (inputs.isEmpty()) {
            LOG.info("{} {}: no raw files, nothing to publish", spec.name(), date);
            return 0;
        }
        Path keysFile = fs.makeQualified(
                new Path(layout.stagingDir(spec.dataset(), date, RunIds.next(clock) + ".published-keys")));
        try {
            boolean haveKeys = writePublishedKeys(fs, layout, date, keysFile);
            return new StagedJobRunner(conf, clock)
                    .run(
                            spec.name(),
                            spec.dataset(),
                            date,
                            inputs,
                            (job, staging) -> configure(job, inputs, inputBytes, staging, haveKeys ? keysFile : null),
                            CleanCounters::of);
        } finally {
            fs.delete(keysFile, false);
        }
    }

    private boolean writePublishedKeys(FileSystem fs, HdfsLayout layout, PartitionDate date, Path keysFile)
            throws IOException {
        int days = spec.keys().dedupDays(getConf());
        List<Path> previous = PublishedKeys.previousPartitionFiles(fs, layout, spec.dataset(), date, days);
        if (previous.isEmpty()) {
            return false;
        }
        PublishedKeys keys = PublishedKeys.read(
                getConf(), previous, Rows.projection(rules.schema(), rules.keyFields()), rules::dedupKey);
        LOG.info(
                "{} {}: {} keys published in the previous {} days count as duplicates",
                spec.name(),
                date,
                keys.size(),
                days);
        keys.writeTo(fs, keysFile);
        return true;
    }

    /**
     * The split size that cuts {@code inputBytes} into as few map tasks as splits of at most {@code maxSplitBytes}
     * need, all of about the same size. The input format fills a task until it reaches the split size, so with
     * the maximum itself eight files of 50.75 MB became tasks of 152, 152 and 101.5 MB, and the last one ran
     * alone at the end of the map phase while the other slot idled; now they are four tasks of 101.5 MB. (It
     * packs whole blocks or files, so a task can still be one block larger than the size.)
     */
    static long balancedSplitBytes(long inputBytes, long maxSplitBytes) {
        if (inputBytes <= 0) {
            return maxSplitBytes;
        }
        long tasks = (inputBytes + maxSplitBytes - 1) / maxSplitBytes;
        return (inputBytes + tasks - 1) / tasks;
    }

    /**
     * Sets {@code key} unless the job's configuration sets it somewhere other than Hadoop's bundled defaults.
     * {@code Configuration.setIfUnset} would never set a key that {@code mapred-default.xml} names.
     */
    static void setUnlessConfigured(Configuration conf, String key, String value) {
        String[] sources = conf.getPropertySources(key);
        if (sources == null || Arrays.stream(sources).allMatch(HADOOP_DEFAULTS::contains)) {
            conf.set(key, value, CleaningJob.class.getSimpleName());
        }
    }

    private void configure(Job job, List<Path> inputs, long inputBytes, Path staging, Path keysFile)
            throws IOException {
        Configuration conf = job.getConfiguration();
        conf.setIfUnset(ParquetOutputFormat.BLOCK_SIZE, Integer.toString(spec.keys().parquetBlockSize(conf)));
        if (keysFile != null) {
            conf.set(CleaningConfigKeys.PUBLISHED_KEYS_FILE, keysFile.toString());
        }
        // A submitter that names the job jar (the master, on YARN) keeps it; otherwise use the jar we run from.
        if (conf.get("mapreduce.job.jar") == null) {
            job.setJarByClass(getClass());
        }
        // A worker daemon rolls a file per source and hour: pack them into equal map tasks of about 128 MB at
        // most instead of starting one container per small file (a JVM start costs a Pi seconds of CPU).
        job.setInputFormatClass(CombineTextInputFormat.class);
        conf.setIfUnset(
                FileInputFormat.SPLIT_MAXSIZE, Long.toString(balancedSplitBytes(inputBytes, COMBINED_SPLIT_BYTES)));
        FileInputFormat.setInputPaths(job, inputs.toArray(Path[]::new));
        conf.set(CleaningConfigKeys.RULES, spec.rules().getName());
        job.setMapperClass(CleaningMapper.class);
        if (conf.getBoolean(CleaningConfigKeys.COMBINE, CleaningConfigKeys.COMBINE_DEFAULT)) {
            job.setCombinerClass(KeepWinnerCombiner.class);
        }
        job.setReducerClass(KeepWinnerReducer.class);
        setUnlessConfigured(conf, MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT, REDUCE_INPUT_BUFFER_SHARE);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(RowWritable.class);

        job.setOutputFormatClass(ParquetRowsOutputFormat.class);
        ParquetOutputFormat.setWriteSupportClass(job, AvroWriteSupport.class);
        AvroParquetOutputFormat.setSchema(job, rules.schema());
        ParquetOutputFormat.setCompression(job, CompressionCodecName.SNAPPY);
        for (String column : spec.uniqueColumns()) {
            conf.setIfUnset(ParquetOutputFormat.ENABLE_DICTIONARY + "#" + column, "false");
        }
        job.setOutputKeyClass(Void.class);
        job.setOutputValueClass(GenericRecord.class);
        FileOutputFormat.setOutputPath(job, staging);
        RejectOutput.addTo(job);
    }
}
