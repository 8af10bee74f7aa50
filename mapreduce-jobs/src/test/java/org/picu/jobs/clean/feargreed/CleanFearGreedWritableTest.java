package org.picu.jobs.clean.feargreed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.jobs.clean.ParquetFiles;
import org.picu.jobs.clean.Shuffled;
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
            shuffled.add(n % 5 == 0 // every fifth a winner picked from decoded records
                    ? (CleanFearGreedWritable) new CleanFearGreedWritable().set(reading)
                    : Shuffled.through(new CleanFearGreedWritable().set(reading), new CleanFearGreedWritable()));
        }
        Path a = ParquetFiles.write(dir.resolve("avro.parquet"), DatasetSchemas.FEAR_GREED, avroRows);
        Path b = ParquetFiles.writeShuffled(dir.resolve("shuffled.parquet"), DatasetSchemas.FEAR_GREED,
                new CleanFearGreedWritable.Rows(), shuffled);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(avroRows, ParquetFiles.read(b), "and they read back as the Avro rows");
    }

    private static String text(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
