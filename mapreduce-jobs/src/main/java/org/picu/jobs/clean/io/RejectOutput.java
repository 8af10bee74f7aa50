package org.picu.jobs.clean.io;

import java.io.IOException;
import org.picu.jobs.clean.CleanCounters;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * A cleaning mapper's reject output: each rejected line, whole, as one JSON line under
 * {@code _rejects/part-m-*} of the job's output, counted in total and per reason.
 */
public final class RejectOutput implements AutoCloseable {
    /** The named output; every cleaning job registers it with {@link #addTo(Job)}. */
    public static final String NAME = "rejects";
    static final String BASE = "_rejects/part";

    private final TaskInputOutputContext<?, ?, ?, ?> context;
    private final MultipleOutputs<?, ?> outputs;
    private final Text line = new Text();

    @SuppressWarnings({"rawtypes", "unchecked"})
    public RejectOutput(TaskInputOutputContext<?, ?, ?, ?> context) {
        this.context = context;
        this.outputs = new MultipleOutputs(context);
    }

    public static void addTo(Job job) {
        MultipleOutputs.addNamedOutput(job, NAME, TextOutputFormat.class, NullWritable.class, Text.class);
    }

    /** Counts and writes one rejected line. */
    public void write(RejectedLine rejected) throws IOException, InterruptedException {
        context.getCounter(CleanCounters.RECORDS_REJECTED).increment(1);
        context.getCounter(CleanCounters.REJECTED_BY_REASON, rejected.reason()).increment(1);
        line.set(rejected.toJson());
        outputs.write(NAME, NullWritable.get(), line, BASE);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        outputs.close();
    }
}
