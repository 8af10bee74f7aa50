package org.picu.jobs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/** The shared run-and-publish flow with a minimal map-only job on the local job runner. */
class StagedJobRunnerTest {
    private static final PartitionDate DAY = PartitionDate.parse("20261121");

    /** Copies lines; fails the task on a line saying "fail", as a broken job would. */
    public static class CopyOrFailMapper extends Mapper<LongWritable, Text, NullWritable, Text> {
        @Override
        protected void map(LongWritable key, Text value, Context context) throws IOException, InterruptedException {
            if (value.toString().equals("fail")) {
                throw new IOException("task failure wanted by the test");
            }
            context.write(NullWritable.get(), value);
        }
    }

    private static int run(Configuration conf, org.apache.hadoop.fs.Path input) throws Exception {
        return new StagedJobRunner(conf, Clock.systemUTC()).run("copy", Dataset.NEWS, DAY, List.of(input),
                (job, staging) -> configure(job, input, staging),
                counters -> new StagedJobRunner.Counts(1, 1, 0, 0));
    }

    private static void configure(Job job, org.apache.hadoop.fs.Path input, org.apache.hadoop.fs.Path staging)
            throws IOException {
        job.setMapperClass(CopyOrFailMapper.class);
        job.setNumReduceTasks(0);
        job.setOutputKeyClass(NullWritable.class);
        job.setOutputValueClass(Text.class);
        job.setOutputFormatClass(TextOutputFormat.class);
        FileInputFormat.setInputPaths(job, input);
        FileOutputFormat.setOutputPath(job, staging);
        job.getConfiguration().setInt("mapreduce.map.maxattempts", 1);
    }

    @Test
    void a_failed_job_leaves_the_published_partition_as_it_was_and_cleans_up() throws Exception {
        Path root = LocalHadoop.freshDir("staged-runner-failure");
        Configuration conf = LocalHadoop.conf(root);
        Path input = Files.writeString(root.resolve("input.txt"), "good line\n");
        org.apache.hadoop.fs.Path inputPath = new org.apache.hadoop.fs.Path(input.toUri());

        assertEquals(0, run(conf, inputPath));
        Path partition = root.resolve("cleaned/news/" + DAY);
        PartitionManifest published = PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json")));
        assertEquals(List.of("input.txt"), published.inputFiles());

        Files.writeString(input, "fail\n");
        assertEquals(1, run(conf, inputPath));

        assertEquals(published, PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json"))),
                "the earlier partition is untouched");
        assertEquals(0, Files.list(root.resolve("staging/news/" + DAY)).count(), "the failed run's staging is gone");
        assertFalse(Files.exists(root.resolve("locks/news." + DAY + ".lock")), "lock released");
    }

    @Test
    void the_job_settings_every_publishing_job_needs() {
        Configuration conf = new Configuration(false);
        StagedJobRunner.applyPublishSettings(conf);
        assertFalse(conf.getBoolean("mapreduce.map.speculative", true));
        assertFalse(conf.getBoolean("mapreduce.reduce.speculative", true));
        assertEquals(1, conf.getInt("mapreduce.fileoutputcommitter.algorithm.version", 2));
    }

    @Test
    void a_staging_directory_without_success_is_never_published() throws Exception {
        Path root = LocalHadoop.freshDir("staged-runner-no-success");
        Path staging = Files.createDirectories(root.resolve("staging/news/" + DAY + "/run1"));
        FileSystem fs = FileSystem.getLocal(new Configuration());
        PartitionManifest manifest = new PartitionManifest(
                "news", DAY.toString(), "run1", 0, 0, 0, List.of(), List.of(), java.time.Instant.now());
        IOException e = assertThrows(IOException.class, () -> new PartitionPublisher(fs).publish(
                new org.apache.hadoop.fs.Path(staging.toUri()),
                new org.apache.hadoop.fs.Path(root.resolve("cleaned/news/" + DAY).toUri()), manifest));
        assertTrue(e.getMessage().contains("_SUCCESS"), e.getMessage());
        assertFalse(Files.exists(root.resolve("cleaned/news/" + DAY)));
    }
}
