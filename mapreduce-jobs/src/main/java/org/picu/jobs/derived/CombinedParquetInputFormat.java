package org.picu.jobs.derived;

import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.parquet.avro.AvroParquetInputFormat;

/**
 * Parquet input for the derived jobs that packs many small files into one map task. Their inputs are a
 * few days of small published partitions (insights reads up to eight files for one day); with one map
 * container per file, a Pi would start eight JVMs to read a few megabytes. Splits hold whole files up to
 * {@code mapreduce.input.fileinputformat.split.maxsize} (set by {@link DerivedDatasetJob}); each file is
 * read by parquet-avro's own record reader, so the mappers see exactly what {@link AvroParquetInputFormat}
 * gives them.
 */
public class CombinedParquetInputFormat extends CombineFileInputFormat<Void, GenericRecord> {

    @Override
    protected boolean isSplitable(JobContext context, Path file) {
        return false;
    }

    @Override
    public RecordReader<Void, GenericRecord> createRecordReader(InputSplit split, TaskAttemptContext context)
            throws IOException {
        return new CombineFileRecordReader<>((CombineFileSplit) split, context, OneFile.class);
    }

    /** Reads file {@code index} of a combined split with parquet-avro's record reader. */
    public static class OneFile extends CombineFileRecordReaderWrapper<Void, GenericRecord> {
        public OneFile(CombineFileSplit split, TaskAttemptContext context, Integer index)
                throws IOException, InterruptedException {
            super(new AvroParquetInputFormat<>(), split, context, index);
        }
    }
}
