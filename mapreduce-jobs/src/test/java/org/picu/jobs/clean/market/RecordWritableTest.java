package org.picu.jobs.clean.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.parquet.avro.AvroWriteSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.jobs.clean.ParquetFiles;
import org.picu.jobs.clean.RecordWritable;
import org.picu.model.avro.DatasetSchemas;

/** The shuffle form: lazy decoding, the combiner's pass-through of undecoded bytes, wrapper reuse. */
class RecordWritableTest {
    private static final CleanMarketTick BTC = new CleanMarketTick(
            "upbit",
            "BTC",
            "KRW",
            5_120_000.5,
            5_000_000.0,
            2.41,
            1234.25,
            null,
            77.5,
            1_795_230_000_000L,
            1_795_230_005_000L,
            "w1",
            17);
    private static final CleanMarketTick ETH =
            new CleanMarketTick("upbit", "ETH", "KRW", 0, null, null, null, null, null, 5, 6, "w2", 7);

    @Test
    void a_record_read_and_written_again_without_decoding_keeps_its_exact_bytes() throws Exception {
        byte[] first = bytes(new CleanMarketTickWritable().set(BTC));
        CleanMarketTickWritable passed = new CleanMarketTickWritable();
        read(passed, first);
        assertArrayEquals(first, bytes(passed), "passed through untouched");
        assertEquals(BTC, passed.get(), "and it still decodes to the record");
        assertArrayEquals(first, bytes(passed), "decoding does not change what is written");
    }

    @Test
    void a_reused_wrapper_gives_a_new_record_per_value_so_earlier_ones_can_be_kept() throws Exception {
        CleanMarketTickWritable wrapper = new CleanMarketTickWritable();
        read(wrapper, bytes(new CleanMarketTickWritable().set(BTC)));
        CleanMarketTick kept = wrapper.get();
        read(wrapper, bytes(new CleanMarketTickWritable().set(ETH)));
        assertEquals(ETH, wrapper.get());
        assertEquals(BTC, kept, "the record taken before is unchanged");
        assertNotSame(kept, wrapper.get());
    }

    @Test
    void a_record_set_after_a_read_replaces_the_bytes_read() throws Exception {
        CleanMarketTickWritable wrapper = new CleanMarketTickWritable();
        read(wrapper, bytes(new CleanMarketTickWritable().set(BTC)));
        wrapper.set(ETH);
        assertArrayEquals(bytes(new CleanMarketTickWritable().set(ETH)), bytes(wrapper));
    }

    @Test
    void values_written_back_to_back_are_read_back_in_order() throws Exception {
        DataOutputBuffer out = new DataOutputBuffer();
        new CleanMarketTickWritable().set(BTC).write(out);
        new CleanMarketTickWritable().set(ETH).write(out);
        DataInputBuffer in = new DataInputBuffer();
        in.reset(out.getData(), out.getLength());
        CleanMarketTickWritable w = new CleanMarketTickWritable();
        w.readFields(in);
        assertEquals(BTC, w.get());
        w.readFields(in);
        assertEquals(ETH, w.get());
        assertEquals(out.getLength(), in.getPosition(), "each value reads exactly its own bytes");
    }

    /**
     * The reducer writes a key's record from its shuffled bytes (a winner among several is encoded again): the file is
     * parquet-avro's file of the decoded ticks' Avro rows, byte for byte (schema, footer metadata, pages, statistics).
     */
    @Test
    void the_rows_written_from_the_shuffled_bytes_are_parquet_avros_file_byte_for_byte(@TempDir Path dir)
            throws Exception {
        SplittableRandom random = new SplittableRandom(6);
        List<CleanMarketTick> ticks = new ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            ticks.add(tick(random));
        }
        ParquetFiles.assertSameFileAsParquetAvro(
                dir,
                DatasetSchemas.MARKET_TICK,
                ticks,
                CleanMarketTick::toAvro,
                CleanMarketTickWritable::new,
                new CleanMarketTickWritable.Rows());
    }

    @Test
    void a_writer_refuses_a_schema_whose_fields_it_does_not_write() {
        Configuration conf = new Configuration();
        AvroWriteSupport.setSchema(conf, DatasetSchemas.NEWS);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new CleanMarketTickWritable.Rows().init(conf));
        assertTrue(e.getMessage().startsWith("the Parquet schema's fields are id, source, title"), e.getMessage());
    }

    private static CleanMarketTick tick(SplittableRandom random) {
        String[] texts = {"upbit", "BTC", "KRW", "w1", "", "é", "비트", "🐋"};
        return new CleanMarketTick(
                texts[random.nextInt(texts.length)],
                texts[random.nextInt(texts.length)],
                texts[random.nextInt(texts.length)],
                random.nextDouble() * 1e7,
                maybe(random),
                maybe(random),
                maybe(random),
                maybe(random),
                maybe(random),
                random.nextLong(),
                random.nextLong(),
                texts[random.nextInt(texts.length)],
                random.nextLong());
    }

    private static Double maybe(SplittableRandom random) {
        return random.nextInt(3) == 0 ? null : random.nextDouble() * 1e6 - 1e5;
    }

    private static byte[] bytes(RecordWritable<?> w) throws Exception {
        DataOutputBuffer out = new DataOutputBuffer();
        w.write(out);
        return Arrays.copyOf(out.getData(), out.getLength());
    }

    private static void read(RecordWritable<?> w, byte[] bytes) throws Exception {
        DataInputBuffer in = new DataInputBuffer();
        in.reset(bytes, bytes.length);
        w.readFields(in);
    }
}
