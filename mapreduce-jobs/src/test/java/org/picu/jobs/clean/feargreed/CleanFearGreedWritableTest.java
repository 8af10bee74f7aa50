package org.picu.jobs.clean.feargreed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.jobs.clean.ParquetFiles;
import org.picu.model.avro.DatasetSchemas;

/** The reducer's Parquet rows, written from the shuffled bytes, against parquet-avro's rows of the decoded readings. */
class CleanFearGreedWritableTest {
    private static final String[] TEXTS = {"alternative.me", "w1", "", "Extreme Fear", "Greed", "공포"};

    @Test
    void the_rows_written_from_the_shuffled_bytes_are_parquet_avros_file_byte_for_byte(@TempDir Path dir)
            throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<CleanFearGreed> readings = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            readings.add(new CleanFearGreed(text(random), random.nextInt(101), text(random), random.nextLong(),
                    random.nextLong(), text(random), random.nextLong(), random.nextBoolean()));
        }
        ParquetFiles.assertSameFileAsParquetAvro(
                dir,
                DatasetSchemas.FEAR_GREED,
                readings,
                CleanFearGreed::toAvro,
                CleanFearGreedWritable::new,
                new CleanFearGreedWritable.Rows());
    }

    private static String text(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
