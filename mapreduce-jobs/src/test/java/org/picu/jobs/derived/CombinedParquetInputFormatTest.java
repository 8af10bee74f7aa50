package org.picu.jobs.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.GenericDataSupplier;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.candles.AnalyticsFixtures;

/** Small Parquet files of several partitions are read by one map task, every row exactly once. */
class CombinedParquetInputFormatTest {
    private static final Schema ROW = SchemaBuilder.record("row")
            .fields()
            .requiredString("day")
            .requiredInt("n")
            .endRecord();

    private static List<GenericRecord> rows(String day, int count) {
        List<GenericRecord> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GenericRecord r = new GenericData.Record(ROW);
            r.put("day", day);
            r.put("n", i);
            rows.add(r);
        }
        return rows;
    }

    @Test
    void three_small_partitions_make_one_split_that_reads_every_row() throws Exception {
        Path root = LocalHadoop.freshDir("combined-parquet");
        Configuration conf = LocalHadoop.conf(root);
        List<String> days = List.of("20261119", "20261120", "20261121");
        for (String day : days) {
            AnalyticsFixtures.publish(conf, root, "candles_1h", day, ROW, rows(day, 5));
        }
        Job job = Job.getInstance(conf);
        AvroReadSupport.setAvroDataSupplier(job.getConfiguration(), GenericDataSupplier.class);
        job.getConfiguration().setLong(FileInputFormat.SPLIT_MAXSIZE, 128L << 20);
        for (String day : days) {
            FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(
                    root.resolve("cleaned/candles_1h/" + day + "/part-r-00000.parquet").toUri()));
        }
        CombinedParquetInputFormat format = new CombinedParquetInputFormat();

        List<InputSplit> splits = format.getSplits(job);

        assertEquals(1, splits.size(), "one map task for three small files");
        TaskAttemptContext task = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
        List<String> read = new ArrayList<>();
        try (RecordReader<Void, GenericRecord> reader = format.createRecordReader(splits.get(0), task)) {
            reader.initialize(splits.get(0), task);
            while (reader.nextKeyValue()) {
                GenericRecord r = reader.getCurrentValue();
                read.add(r.get("day") + "/" + r.get("n"));
            }
        }
        List<String> expected = new ArrayList<>();
        days.forEach(d -> rows(d, 5).forEach(r -> expected.add(d + "/" + r.get("n"))));
        assertEquals(expected.stream().sorted().toList(), read.stream().sorted().toList());
    }
}
