package org.picu.jobs.clean.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.CombineTextInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleaningJobSplitsTest {
    private static final long MB = 1024 * 1024;

    @Test
    void the_input_is_cut_into_as_few_equal_tasks_as_the_maximum_allows() {
        assertEquals(128 * MB, CleaningJob.balancedSplitBytes(128 * MB, 128 * MB), "one full task");
        assertEquals(
                64 * MB + 1,
                CleaningJob.balancedSplitBytes(128 * MB + 1, 128 * MB),
                "two halves, not 128 MB and 1 byte");
        assertEquals(102 * MB, CleaningJob.balancedSplitBytes(408 * MB, 128 * MB), "four of 102 MB, not 3 x 128 + 24");
        assertEquals(10, CleaningJob.balancedSplitBytes(10, 128 * MB), "a small day is one task");
        assertEquals(128 * MB, CleaningJob.balancedSplitBytes(0, 128 * MB));
    }

    /**
     * Eight equal raw files with a maximum that takes three files per task: the maximum alone gives tasks of
     * three, three and two files (the last one runs alone at the end of the map phase); the balanced size
     * gives four tasks of two files.
     */
    @Test
    void combined_splits_of_equal_files_come_out_equal(@TempDir Path dir) throws Exception {
        int fileBytes = 100_000;
        for (int f = 0; f < 8; f++) {
            Files.write(dir.resolve("upbit.w" + f + ".jsonl"), new byte[fileBytes]);
        }
        long max = 256_000;
        assertEquals(
                List.of(300_000L, 300_000L, 200_000L), splitLengths(dir, max), "the maximum alone (the old setting)");
        assertEquals(List.of(200_000L, 200_000L, 200_000L, 200_000L),
                splitLengths(dir, CleaningJob.balancedSplitBytes(8L * fileBytes, max)));
    }

    private static List<Long> splitLengths(Path dir, long maxSplitBytes) throws IOException, InterruptedException {
        Job job = Job.getInstance(new Configuration());
        job.getConfiguration().set("fs.defaultFS", "file:///");
        job.getConfiguration().setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplitBytes);
        FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(dir.toUri()));
        return new CombineTextInputFormat()
                .getSplits(job).stream()
                        .map(CleaningJobSplitsTest::length)
                        .sorted((a, b) -> Long.compare(b, a))
                        .toList();
    }

    private static long length(InputSplit split) {
        try {
            return split.getLength();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Regression: the reducers' input buffer was set with setIfUnset and never took, as mapred-default.xml names it.
     */
    @Test
    void a_job_default_replaces_hadoops_bundled_default_but_not_a_setting() throws IOException {
        Configuration fresh = Job.getInstance(new Configuration()).getConfiguration();
        assertEquals("0.0", fresh.get(MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT), "mapred-default.xml's value");
        CleaningJob.setUnlessConfigured(fresh, MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT, "0.5");
        assertEquals("0.5", fresh.get(MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT));

        Configuration given = Job.getInstance(new Configuration()).getConfiguration();
        given.set(MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT, "0.1"); // as -D does
        CleaningJob.setUnlessConfigured(given, MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT, "0.5");
        assertEquals("0.1", given.get(MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT));
    }
}
