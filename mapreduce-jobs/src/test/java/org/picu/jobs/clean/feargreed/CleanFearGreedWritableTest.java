package org.picu.jobs.clean.feargreed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.clean.ParquetFiles;
import org.picu.model.avro.DatasetSchemas;

/** The reducer's Parquet rows, written from the shuffled bytes, against parquet-avro's rows of the decoded readings. */
class CleanFearGreedWritableTest {
    private static final String[] TEXTS = {"alternative.me", "w1", "", "Extreme Fear", "Greed", "공포"};

    @Test
    void the_rows_written_from_the_shuffled_bytes_are_parquet_avros_file_byte_for_byte(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<GenericRecord> avroRows = new ArrayList<>();
        List<CleanFearGreedWritable> shuffled = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            CleanFearGreed reading = new CleanFearGreed(text(random), random.nextInt(101), text(random), random.nextLong(),
                    random.nextLong(), text(random), random.nextLong(), random.nextBoolean());
            avroRows.add(reading.toAvro());
            shuffled.add(n % 5 == 0 ? (CleanFearGreedWritable) new CleanFearGreedWritable().set(reading) : shuffled(reading));
        }
        Path a = ParquetFiles.write(dir.resolve("avro.parquet"), DatasetSchemas.FEAR_GREED, avroRows);
        Path b = ParquetFiles.writeShuffled(dir.resolve("shuffled.parquet"), DatasetSchemas.FEAR_GREED,
                new CleanFearGreedWritable.Rows(), shuffled);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(avroRows, LocalHadoop.readParquet(new Configuration(), List.of(new org.apache.hadoop.fs.Path(b.toUri()))));
    }

    /** The reading as the reducer receives it: written by the mapper's wrapper, read into a fresh one. */
    private static CleanFearGreedWritable shuffled(CleanFearGreed reading) throws Exception {
        DataOutputBuffer out = new DataOutputBuffer();
        new CleanFearGreedWritable().set(reading).write(out);
        DataInputBuffer in = new DataInputBuffer();
        in.reset(Arrays.copyOf(out.getData(), out.getLength()), out.getLength());
        CleanFearGreedWritable shuffled = new CleanFearGreedWritable();
        shuffled.readFields(in);
        return shuffled;
    }

    private static String text(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
