package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.jobs.clean.ParquetFiles;
import org.picu.model.avro.DatasetSchemas;

/** The reducer's row of a key's only item, read from the shuffled bytes, against the row of the decoded item. */
class CleanNewsWritableTest {
    private static final String[] TEXTS = {"coinness", "w1", "", "a", "비트코인 ETF 승인 기대감", "Bitcoin rallies — again",
        "https://example.com/a?b=c", "é", "🐋 whale alert", "x".repeat(3_000)};

    @Test
    void the_row_read_from_the_bytes_is_the_row_of_the_decoded_item() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        for (int n = 0; n < 2_000; n++) {
            CleanNews item = item(random);
            CleanNewsWritable shuffled = shuffled(item);
            GenericRecord fromBytes = shuffled.decode(CleanNewsWritable::readAvro);
            GenericRecord fromRecord = item.toAvro();
            assertEquals(0, GenericData.get().compare(fromRecord, fromBytes, DatasetSchemas.NEWS), () -> "row of " + item);
            assertEquals(fromRecord.toString(), fromBytes.toString());
            assertEquals(item, shuffled.get(), "decoding the row leaves the item decodable");
        }
    }

    @Test
    void both_rows_give_the_same_parquet_file_byte_for_byte(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(10);
        List<GenericRecord> fromRecords = new ArrayList<>();
        List<GenericRecord> fromBytes = new ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            CleanNews item = item(random);
            fromRecords.add(item.toAvro());
            fromBytes.add(shuffled(item).decode(CleanNewsWritable::readAvro));
        }
        Path a = ParquetFiles.write(dir.resolve("records.parquet"), DatasetSchemas.NEWS, fromRecords);
        Path b = ParquetFiles.write(dir.resolve("bytes.parquet"), DatasetSchemas.NEWS, fromBytes);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
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

    /** The item as the reducer receives it: written by the mapper's wrapper, read into a fresh one. */
    private static CleanNewsWritable shuffled(CleanNews item) throws Exception {
        DataOutputBuffer out = new DataOutputBuffer();
        new CleanNewsWritable().set(item).write(out);
        DataInputBuffer in = new DataInputBuffer();
        in.reset(Arrays.copyOf(out.getData(), out.getLength()), out.getLength());
        CleanNewsWritable shuffled = new CleanNewsWritable();
        shuffled.readFields(in);
        return shuffled;
    }

    private static String text(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private static String nullable(SplittableRandom random) {
        return random.nextInt(4) == 0 ? null : text(random);
    }
}
