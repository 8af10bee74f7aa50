package org.picu.jobs.publish;

import java.io.IOException;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.parquet.hadoop.ParquetOutputFormat;

/**
 * {@link ParquetOutputFormat}'s files, record writer, output checks and committer, behind an output format that is
 * not a {@code FileOutputFormat}. For a {@code FileOutputFormat}, Hadoop's reduce task wraps the record writer in one
 * that reads the file system's byte counts before and after every record, for the task's "Bytes Written" counter;
 * each read sums the statistics of every thread that ever used that file system, under a lock. In the cleaning
 * jobs' reducers that was a tenth of their CPU. The output is the same (set the write support with
 * {@link ParquetOutputFormat#setWriteSupportClass}, its schema as it requires, e.g.
 * {@code AvroParquetOutputFormat.setSchema}, and the directory with {@code FileOutputFormat.setOutputPath} as
 * before); only that counter stays at zero. The published manifest counts rows, not bytes.
 *
 * @param <T> the type the write support writes
 */
public final class ParquetRowsOutputFormat<T> extends OutputFormat<Void, T> {
    private final ParquetOutputFormat<T> parquet = new ParquetOutputFormat<>();

    @Override
    public RecordWriter<Void, T> getRecordWriter(TaskAttemptContext context) throws IOException, InterruptedException {
        return parquet.getRecordWriter(context);
    }

    @Override
    public void checkOutputSpecs(JobContext context) throws IOException {
        parquet.checkOutputSpecs(context);
    }

    @Override
    public OutputCommitter getOutputCommitter(TaskAttemptContext context) throws IOException {
        return parquet.getOutputCommitter(context);
    }
}
