package org.picu.jobs.clean.news;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.jobs.clean.ParquetFiles;
import org.picu.model.avro.DatasetSchemas;

/** The reducer's Parquet rows, written from the shuffled bytes, against parquet-avro's rows of the decoded items. */
class CleanNewsWritableTest {
    private static final String[] TEXTS = {"coinness", "w1", "", "a", "비트코인 ETF 승인 기대감", "Bitcoin rallies — again",
        "https://example.com/a?b=c", "é", "🐋 whale alert", "x".repeat(3_000)};

    @Test
    void the_rows_written_from_the_shuffled_bytes_are_parquet_avros_file_byte_for_byte(@TempDir Path dir)
            throws Exception {
        SplittableRandom random = new SplittableRandom(10);
        List<CleanNews> items = new ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            items.add(item(random));
        }
        ParquetFiles.assertSameFileAsParquetAvro(
                dir,
                DatasetSchemas.NEWS,
                items,
                CleanNews::toAvro,
                CleanNewsWritable::new,
                new CleanNewsWritable.Rows());
    }

    private static CleanNews item(SplittableRandom random) {
        List<String> keywords = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
            keywords.add(text(random));
        }
        return new CleanNews(text(random), text(random), text(random), nullable(random), nullable(random),
                random.nextBoolean() ? null : random.nextLong(), keywords, random.nextBoolean() ? null : "ko",
                random.nextLong(), text(random), random.nextLong());
    }

    private static String text(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private static String nullable(SplittableRandom random) {
        return random.nextInt(4) == 0 ? null : text(random);
    }
}
